import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

// class-transformer ships the storage's types apart from its CommonJS code; the @Type metadata in
// it is what lets the generator follow nested DTOs.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * OpenAPI schemas of the library's DTOs, generated from their class-validator rules. The library
 * carries no swagger decorators (apps without `@nestjs/swagger` must keep working), so the example
 * derives fields, types, required lists and limits from the validation metadata instead.
 */
export function dtoSchemas(): Record<string, SchemaObject> {
  return validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      [ValidationTypes.CUSTOM_VALIDATION]: (meta: ValidationMetadata) => convertCustomRule(meta) as never,
    },
  }) as unknown as Record<string, SchemaObject>;
}

/** Schemas for the library's own rules (ValidateBy), which the generator cannot know. */
const CUSTOM_RULES: Record<string, SchemaObject> = {
  isHttpUrl: { type: 'string', format: 'uri', pattern: '^https?://', description: 'Absolute http(s) URL' },
  isWhatsappNumber: {
    type: 'string',
    description: 'Phone number with country code; sent as digits only',
    example: '+1 302 389 5111',
  },
  isCoordinate: { oneOf: [{ type: 'string', pattern: '^-?\\d{1,3}(\\.\\d+)?$' }, { type: 'number' }] },
  isStringMap: { type: 'object', additionalProperties: { type: 'string' }, example: { body_1: 'Ada' } },
  isRequiredForType: {},
};

function convertCustomRule(meta: ValidationMetadata): SchemaObject {
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls);
  return CUSTOM_RULES[constraint?.name ?? ''] ?? {};
}
