import { IConstruct } from 'constructs';
import { ValidationError } from '../../../core/validation-error';
import { OpenStackFilter, OpenStackImage, OpenStackResource } from '../openstack-resource';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Whether `s` is a UUID (the CRD's `format: uuid`). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** The `{id}` or `{filter}` of a CAPO resource reference. */
export interface RenderedRef {
  readonly id?: string;
  readonly filter?: { name?: string; tags?: string[] };
}

/** Rejects an empty or blank name-like string (CAPO and OpenStack reject them or match nothing). */
export function requireText(scope: IConstruct, field: string, value: string | undefined, example: string): void {
  if (value !== undefined && (value.trim() === '' || value !== value.trim())) {
    throw new ValidationError(scope, `${field} '${value}' is empty or has leading/trailing spaces. Use e.g. '${example}', or leave it unset.`);
  }
}

/** Neutron's and Nova's longest tag. */
const MAX_TAG_LENGTH = 60;

/** Validates and renders tags (non-empty, at most 60 characters, no commas — Neutron filters split on them — and unique). */
export function renderTags(scope: IConstruct, field: string, tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.trim() === '' || tag.includes(',') || tag.includes('/')) {
      throw new ValidationError(scope, `${field} has '${tag}', which is not a tag. Use a non-empty tag without commas or slashes, e.g. 'k8s'.`);
    }
    if (tag.length > MAX_TAG_LENGTH) {
      throw new ValidationError(scope, `${field} has a tag of ${tag.length} characters ('${tag.slice(0, 20)}…'); Neutron and Nova take at most ${MAX_TAG_LENGTH}. Shorten it.`);
    }
    if (seen.has(tag)) throw new ValidationError(scope, `${field} lists '${tag}' twice. List each tag once.`);
    seen.add(tag);
  }
  return tags.length > 0 ? [...tags] : undefined;
}

function renderFilter(scope: IConstruct, field: string, filter: OpenStackFilter, allowTags: boolean): { name?: string; tags?: string[] } {
  requireText(scope, `${field} name`, filter.name, 'my-network');
  if (filter.tags !== undefined && !allowTags) {
    throw new ValidationError(scope, `${field} cannot be selected by tags (CAPO filters it by name only). Use OpenStackResource.fromName() or fromId().`);
  }
  const tags = renderTags(scope, `${field} tags`, filter.tags);
  if (filter.name === undefined && tags === undefined) {
    throw new ValidationError(scope, `${field} has an empty filter, which would match any resource. Give a name or tags, or use fromId().`);
  }
  return { name: filter.name, tags };
}

/** Renders an `OpenStackResource` as `{id}` or `{filter}`, validated. */
export function renderResource(scope: IConstruct, field: string, resource: OpenStackResource, allowTags: boolean = true): RenderedRef {
  if (resource.id !== undefined) {
    if (!isUuid(resource.id)) {
      throw new ValidationError(scope, `${field} id '${resource.id}' is not a UUID. Use the resource's UUID (e.g. from 'openstack network show -c id'), or select it with fromName().`);
    }
    return { id: resource.id };
  }
  return { filter: renderFilter(scope, field, resource.filter ?? {}, allowTags) };
}

/** Renders an `OpenStackImage` as `{id}` or `{filter}`, validated. */
export function renderImage(scope: IConstruct, field: string, image: OpenStackImage): RenderedRef {
  if (image.id !== undefined) {
    if (!isUuid(image.id)) {
      throw new ValidationError(scope, `${field} id '${image.id}' is not a UUID. Use the image's UUID, or OpenStackImage.fromName().`);
    }
    return { id: image.id };
  }
  return { filter: renderFilter(scope, field, image.filter ?? {}, true) };
}

/** Validates a Nova/Cinder/Octavia availability zone name. */
export function checkZoneName(scope: IConstruct, field: string, zone: string | undefined): void {
  if (zone !== undefined && (zone === '' || /\s/.test(zone))) {
    throw new ValidationError(scope, `${field} '${zone}' is not an availability zone name. Use the zone's name without spaces, e.g. 'nova' or 'az-1'.`);
  }
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `s` is an IPv4 address. */
export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

/** Whether `s` is an IPv4 or IPv6 address. */
export function isIp(s: string): boolean {
  return isIpv4(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));
}
