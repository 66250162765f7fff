/** The URNs of SCIM 2.0 (RFC 7643, RFC 7644) that Samtal speaks. */
export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** The media type SCIM defines; plain JSON is taken and answered too. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';

/** The largest page a list answers (RFC 7644 3.4.2.4 lets the provider choose). */
export const MAX_PAGE = 200;
/** The page size when a client asks for none. */
export const DEFAULT_PAGE = 100;

/** RFC 7644 3.12 error types (`scimType`). */
export type ScimType =
  | 'invalidFilter'
  | 'invalidPath'
  | 'invalidValue'
  | 'invalidSyntax'
  | 'noTarget'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';
