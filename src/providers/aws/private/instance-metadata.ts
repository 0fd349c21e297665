import { IConstruct } from 'constructs';
import { checkInteger } from '../../../core/ranges';
import { InstanceMetadataOptions } from '../../../machines/instance-metadata';

/** The default IMDSv2 hop limit: pods (one hop behind the host) reach instance metadata. */
export const DEFAULT_IMDS_HOP_LIMIT = 2;

/** CAPA's `instanceMetadataOptions` (the same shape on AWSMachine, AWSMachinePool and AWSManagedMachinePool launch templates). */
export interface RenderedInstanceMetadata {
  readonly httpEndpoint: any;
  readonly httpTokens: any;
  readonly httpPutResponseHopLimit: number;
  readonly instanceMetadataTags?: any;
}

/**
 * The instance metadata options of a machine: IMDSv2 required, the endpoint on, the hop limit
 * (default 2, checked 1–64 as EC2 does) and optionally instance tags.
 */
export function renderInstanceMetadata(scope: IConstruct, field: string, options: InstanceMetadataOptions | undefined): RenderedInstanceMetadata {
  const hopLimit = checkInteger(scope, `${field}instanceMetadata.hopLimit`, options?.hopLimit ?? DEFAULT_IMDS_HOP_LIMIT, { min: 1, max: 64, why: 'EC2 accepts hop limits from 1 to 64' });
  return {
    httpEndpoint: 'enabled',
    httpTokens: 'required',
    httpPutResponseHopLimit: hopLimit,
    instanceMetadataTags: options?.instanceTags ? 'enabled' : undefined,
  };
}
