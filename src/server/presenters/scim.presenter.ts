import { URN } from '../../domain/scim/schemas';
import type { ScimUserRow } from '../repositories/scim.repository';
import { userVersion } from '../services/scim.service';

/** A person as a SCIM User: only the attributes Samtal keeps, never roles or sign-in data. */
export function presentScimUser(row: ScimUserRow, base: string): Record<string, unknown> {
  const { person: p, identity: i } = row;
  const enterprise: Record<string, unknown> = {};
  if (p.employeeNumber) enterprise.employeeNumber = p.employeeNumber;
  if (row.departmentName) enterprise.department = row.departmentName;
  if (p.managerId)
    enterprise.manager = { value: p.managerId, $ref: `${base}/Users/${p.managerId}` };
  const modified = i && i.updatedAt > p.updatedAt ? i.updatedAt : p.updatedAt;
  return {
    schemas: [URN.user, URN.enterprise],
    id: p.id,
    ...(i?.externalId ? { externalId: i.externalId } : {}),
    userName: i?.userName ?? p.email,
    name: {
      formatted: p.name,
      ...(i?.givenName ? { givenName: i.givenName } : {}),
      ...(i?.familyName ? { familyName: i.familyName } : {}),
    },
    displayName: p.name,
    ...(p.jobTitle ? { title: p.jobTitle } : {}),
    ...(p.locale ? { preferredLanguage: p.locale } : {}),
    timezone: p.timeZone,
    active: p.active,
    emails: [{ value: p.email, type: 'work', primary: true }],
    [URN.enterprise]: enterprise,
    meta: {
      resourceType: 'User',
      created: p.createdAt.toISOString(),
      lastModified: modified.toISOString(),
      location: `${base}/Users/${p.id}`,
      version: userVersion(row),
    },
  };
}

/** A ListResponse (RFC 7644 3.4.2). */
export function presentList(
  resources: Record<string, unknown>[],
  total: number,
  startIndex: number,
): Record<string, unknown> {
  return {
    schemas: [URN.list],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** What Samtal's SCIM service does and does not (RFC 7643 5). */
export function serviceProviderConfig(base: string, docs: string): Record<string, unknown> {
  return {
    schemas: [URN.serviceProviderConfig],
    documentationUri: docs,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A provisioning token made by an administrator in Samtal (Settings).',
        documentationUri: docs,
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

/** The one resource type Samtal provisions: User, with the enterprise extension. */
export function userResourceType(base: string): Record<string, unknown> {
  return {
    schemas: [URN.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A person in the organisation',
    schema: URN.user,
    schemaExtensions: [{ schema: URN.enterprise, required: false }],
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
  };
}

type Attr = {
  name: string;
  type?: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued?: boolean;
  required?: boolean;
  mutability?: 'readWrite' | 'readOnly' | 'immutable';
  uniqueness?: 'none' | 'server';
  caseExact?: boolean;
  subAttributes?: Attr[];
  referenceTypes?: string[];
};

function attribute(a: Attr): Record<string, unknown> {
  return {
    name: a.name,
    type: a.type ?? 'string',
    multiValued: a.multiValued ?? false,
    required: a.required ?? false,
    caseExact: a.caseExact ?? false,
    mutability: a.mutability ?? 'readWrite',
    returned: 'default',
    uniqueness: a.uniqueness ?? 'none',
    ...(a.referenceTypes ? { referenceTypes: a.referenceTypes } : {}),
    ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attribute) } : {}),
  };
}

const USER_ATTRIBUTES: Attr[] = [
  { name: 'userName', required: true, uniqueness: 'server' },
  {
    name: 'name',
    type: 'complex',
    subAttributes: [{ name: 'formatted' }, { name: 'givenName' }, { name: 'familyName' }],
  },
  { name: 'displayName' },
  { name: 'title' },
  { name: 'preferredLanguage' },
  { name: 'timezone' },
  { name: 'active', type: 'boolean' },
  {
    name: 'emails',
    type: 'complex',
    multiValued: true,
    subAttributes: [{ name: 'value' }, { name: 'type' }, { name: 'primary', type: 'boolean' }],
  },
];

const ENTERPRISE_ATTRIBUTES: Attr[] = [
  { name: 'employeeNumber', uniqueness: 'server' },
  { name: 'department' },
  {
    name: 'manager',
    type: 'complex',
    subAttributes: [
      { name: 'value' },
      { name: '$ref', type: 'reference', referenceTypes: ['User'] },
      { name: 'displayName', mutability: 'readOnly' },
    ],
  },
];

/** The schemas Samtal answers with, limited to the attributes it keeps (RFC 7643 7). */
export function schemas(base: string): Record<string, unknown>[] {
  return [
    { id: URN.user, name: 'User', description: 'A person', attributes: USER_ATTRIBUTES },
    {
      id: URN.enterprise,
      name: 'EnterpriseUser',
      description: 'Unit, employee number and manager',
      attributes: ENTERPRISE_ATTRIBUTES,
    },
  ].map((s) => ({
    schemas: [URN.schema],
    id: s.id,
    name: s.name,
    description: s.description,
    attributes: s.attributes.map(attribute),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${s.id}` },
  }));
}
