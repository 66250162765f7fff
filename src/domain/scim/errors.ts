import type { ErrorCode } from '../errors';
import type { ScimType } from './schemas';

/** The HTTP status of each SCIM error code (RFC 7644 3.12); the others keep theirs. */
export const SCIM_STATUS: Partial<Record<ErrorCode, number>> = {
  'scim.unauthorized': 401,
  'scim.throttled': 429,
  'scim.user_name_taken': 409,
  'scim.external_id_taken': 409,
  'scim.version_mismatch': 412,
  'scim.no_groups': 404,
};

/**
 * The `scimType` an error carries, so an identity provider knows what kind of problem it
 * is: Samtal's own rules (e-mail taken, reporting lines in a circle) become the SCIM type
 * they are an instance of.
 */
export const SCIM_TYPE: Partial<Record<ErrorCode, ScimType>> = {
  'scim.invalid_filter': 'invalidFilter',
  'scim.invalid_path': 'invalidPath',
  'scim.no_target': 'noTarget',
  'scim.invalid_value': 'invalidValue',
  'scim.invalid_syntax': 'invalidSyntax',
  'scim.mutability': 'mutability',
  'scim.roles': 'mutability',
  'scim.user_name_taken': 'uniqueness',
  'scim.external_id_taken': 'uniqueness',
  'scim.manager_not_found': 'invalidValue',
  'scim.department_ambiguous': 'invalidValue',
  'person.email_taken': 'uniqueness',
  'person.employee_number_taken': 'uniqueness',
  'person.manager_self': 'invalidValue',
  'person.manager_cycle': 'invalidValue',
  'person.manager_not_found': 'invalidValue',
  'person.manager_inactive': 'invalidValue',
  'person.department_not_found': 'invalidValue',
  'person.time_zone_invalid': 'invalidValue',
  'person.last_admin': 'mutability',
  'privacy.already_erased': 'mutability',
  validation: 'invalidValue',
  'request.bad_json': 'invalidSyntax',
  'request.encoding': 'invalidSyntax',
};
