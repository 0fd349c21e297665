/** Invalid CAPA cluster identities. */
import { Chart, Duration } from 'cdk8s';
import { BadInputCase, k8s } from './harness';
import { AllowedNamespaces, AwsClusterControllerIdentity, AwsClusterRoleIdentity, AwsClusterStaticIdentity, AwsIdentity } from '../../src';
import { Platform } from '../../src/platform';

const ROLE = 'arn:aws:iam::111122223333:role/capa-tenant-a';
const chart = (app: Platform) => new Chart(app, 'identities');

export const identityCases: BadInputCase[] = [
  k8s('a controller identity not named default', 'identities/c', (app) => { new AwsClusterControllerIdentity(chart(app), 'c', { name: 'mine', allowedNamespaces: AllowedNamespaces.all() }); },
    /^identities\/c: the AWSClusterControllerIdentity must be named 'default', not 'mine' \(CAPA treats it as a singleton\)\. Remove name\./),
  k8s('a role ARN that is not an IAM role ARN', 'identities/r', (app) => { new AwsClusterRoleIdentity(chart(app), 'r', { name: 'r', roleArn: 'capa-role', allowedNamespaces: AllowedNamespaces.all() }); },
    /^identities\/r: roleArn 'capa-role' is not an IAM role ARN\. Use 'arn:aws:iam::<account>:role\/<name>'\./),
  k8s('a role session of 5 minutes', 'identities/r', (app) => {
    new AwsClusterRoleIdentity(chart(app), 'r', { name: 'r', roleArn: ROLE, sessionDuration: Duration.minutes(5), allowedNamespaces: AllowedNamespaces.all() });
  }, /^identities\/r: sessionDuration \(300s\) must be from 900 to 43200 seconds \(AWS role sessions last 15 minutes to 12 hours\)\./),
  k8s('a role session with a fraction of a second', 'identities/r', (app) => {
    new AwsClusterRoleIdentity(chart(app), 'r', { name: 'r', roleArn: ROLE, sessionDuration: Duration.millis(3600500), allowedNamespaces: AllowedNamespaces.all() });
  }, /^identities\/r: sessionDuration \(3600\.5s\) is not a whole number of seconds\. Use e\.g\. Duration\.seconds\(3601\)\./),
  k8s('an empty external id', 'identities/r', (app) => { new AwsClusterRoleIdentity(chart(app), 'r', { name: 'r', roleArn: ROLE, externalId: ' ', allowedNamespaces: AllowedNamespaces.all() }); },
    /^identities\/r: externalId is empty\. Give the external id the role requires, or leave it unset\./),
  k8s('a role identity chained from itself', 'identities/r', (app) => {
    new AwsClusterRoleIdentity(chart(app), 'r', { name: 'r', roleArn: ROLE, sourceIdentity: AwsIdentity.role('r'), allowedNamespaces: AllowedNamespaces.all() });
  }, /^identities\/r: sourceIdentity is the identity 'r' itself\. Chain from another identity, e\.g\. AwsIdentity\.controller\(\)\./),
  k8s('an empty allowed-namespace list', 'identities/s', (app) => { new AwsClusterStaticIdentity(chart(app), 's', { name: 's', secretName: 'capa-creds', allowedNamespaces: AllowedNamespaces.list([]) }); },
    /^identities\/s: allowedNamespaces list is empty, which allows no namespace at all\. List namespaces, or use AllowedNamespaces\.all\(\)\./),
  k8s('an allowed namespace that is not a namespace name', 'identities/s', (app) => { new AwsClusterStaticIdentity(chart(app), 's', { name: 's', secretName: 'capa-creds', allowedNamespaces: AllowedNamespaces.list(['Team_A']) }); },
    /^identities\/s: allowedNamespaces lists 'Team_A', which is not a namespace name\. Use a DNS label like 'team-a'\./),
  k8s('an Exists namespace selector with values', 'identities/s', (app) => {
    new AwsClusterStaticIdentity(chart(app), 's', { name: 's', secretName: 'capa-creds', allowedNamespaces: AllowedNamespaces.selector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }) });
  }, /^identities\/s: allowedNamespaces selector on 'a': operator Exists takes no values\./),
  k8s('a secret key in place of the Secret name', 'identities/s', (app) => {
    new AwsClusterStaticIdentity(chart(app), 's', { name: 's', secretName: 'wJalrXUtnFEMI/K7MDENG', allowedNamespaces: AllowedNamespaces.all() });
  }, /^identities\/s: secretName 'wJalrXUtnFEMI\/K7MDENG' is not a Secret name\. Give the name of a Secret \(a DNS subdomain: .*, e\.g\. 'capa-static-credentials'\), never the secret value itself\./),
  k8s('an identity name with upper case', 'identities/s', (app) => { new AwsClusterStaticIdentity(chart(app), 's', { name: 'Static', secretName: 'capa-creds', allowedNamespaces: AllowedNamespaces.all() }); },
    /^identities\/s: identity name 'Static' is not a valid object name\. Use lower-case letters, digits, '-' and '\.'\./),
];
