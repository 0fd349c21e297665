/** AWS syntax checked in several places (clusters, machines, EKS, object storage, ClusterClass variables): one definition each. */

/** An AWS region, commercial or GovCloud/ISO (`eu-west-1`, `us-gov-west-1`). */
export const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** An AMI id: `ami-` and 8 to 17 hex digits. */
export const AMI_ID = /^ami-[0-9a-f]{8,17}$/;

/** An EC2 instance type (`m6i.xlarge`, `t3.micro`). */
export const EC2_INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

/** An S3 bucket name: 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit (no '..': check separately). */
export const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
