import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { LocationContentDto, SendLocationMessageDto } from './send-location-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const LATITUDE_MESSAGE =
  'location.latitude must be a latitude between -90 and 90, as a number or a decimal string like "40.7128"';
const LONGITUDE_MESSAGE =
  'location.longitude must be a longitude between -180 and 180, as a number or a decimal string like "-74.0060"';

/** A valid message with `location` replaced. */
function withLocation(location: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, location };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendLocationMessageDto, input);

describe('SendLocationMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message with numbers and converts them to strings', () => {
      const result = validateMessage(SendLocationMessageDto, {
        to: '+1 (302) 389-5111',
        location: { latitude: 40.7128, longitude: -74.006 },
      });

      expect(result).toBeInstanceOf(SendLocationMessageDto);
      expect(result.location).toBeInstanceOf(LocationContentDto);
      expect(result).toEqual({ to: TO, location: { latitude: '40.7128', longitude: '-74.006' } });
      expect(typeof result.location.latitude).toBe('string');
      expect(typeof result.location.longitude).toBe('string');
    });

    it('accepts a full message with strings unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'location',
        location: { latitude: '40.7128', longitude: '-74.0060', name: 'City Hall', address: 'New York, NY 10007' },
        source: 'API',
        linkWithRecord: false,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      expect(validateMessage(SendLocationMessageDto, message)).toEqual(message);
    });

    it.each([
      [40.7128, -74.006, '40.7128', '-74.006'],
      [0, 0, '0', '0'],
      [90, 180, '90', '180'],
      [-90, -180, '-90', '-180'],
      [-0, 0.5, '0', '0.5'],
      [0.000001, 1.25, '0.000001', '1.25'],
      [12.345678901234567, 100, '12.345678901234567', '100'],
      ['40.7128', '-74.0060', '40.7128', '-74.0060'],
      ['90.0', '-180.000', '90.0', '-180.000'],
      ['-0', '0', '-0', '0'],
      ['7', '-7', '7', '-7'],
    ])('accepts latitude %p and longitude %p as %p, %p', (latitude, longitude, expectedLatitude, expectedLongitude) => {
      expect(validateMessage(SendLocationMessageDto, withLocation({ latitude, longitude })).location).toEqual({
        latitude: expectedLatitude,
        longitude: expectedLongitude,
      });
    });

    it.each([
      ['a name of 1000 characters', { name: 'n'.repeat(1000) }],
      ['an address of 1000 characters', { address: 'a'.repeat(1000) }],
      ['an address without name', { address: '1 Main St' }],
    ])('accepts %s', (_label, extra) => {
      const location = { latitude: '1', longitude: '2', ...extra };

      expect(validateMessage(SendLocationMessageDto, withLocation(location)).location).toEqual(location);
    });

    // Tiny numbers are sent as plain decimals, not in the exponent notation String() would use.
    it.each([
      [1e-7, '0.0000001'],
      [-5e-7, '-0.0000005'],
    ])('accepts the tiny number %p as a decimal string', (latitude, expected) => {
      expect(validateMessage(SendLocationMessageDto, withLocation({ latitude, longitude: 0 })).location).toEqual({
        latitude: expected,
        longitude: '0',
      });
    });
  });

  describe('refused coordinates', () => {
    it.each([
      ['91', 91],
      ['-91', -91],
      ['90.0001 as a string', '90.0001'],
      ['a non-numeric string', 'abc'],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ['an empty string', ''],
      ['a blank string', ' '],
      ['exponent notation', '1e2'],
      ['a leading plus', '+40.7'],
      ['a decimal comma', '40,7'],
      ['a leading space', ' 40.7'],
      ['a trailing dot', '40.'],
      ['a leading dot', '.5'],
      ['four integer digits', '0040'],
      ['degrees-minutes-seconds', '40°42\'46"N'],
      ['a boolean', true],
      ['an array', [40.7]],
      ['an object', { value: 40.7 }],
    ])('refuses latitude %s', (_label, latitude) => {
      expect(errorsFor(withLocation({ latitude, longitude: '0' }))).toEqual([LATITUDE_MESSAGE]);
    });

    it.each([
      ['181', 181],
      ['-181', -181],
      ['-180.5 as a string', '-180.5'],
      ['a non-numeric string', 'west'],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['a blank string', '  '],
    ])('refuses longitude %s', (_label, longitude) => {
      expect(errorsFor(withLocation({ latitude: '0', longitude }))).toEqual([LONGITUDE_MESSAGE]);
    });

    it('reports both coordinates when both are wrong', () => {
      expect(errorsFor(withLocation({ latitude: NaN, longitude: Infinity }))).toEqual([
        LATITUDE_MESSAGE,
        LONGITUDE_MESSAGE,
      ]);
    });

    it.each([
      ['missing', {}],
      ['null', { latitude: null, longitude: null }],
    ])('says which coordinates are required when they are %s', (_label, location) => {
      expect(errorsFor(withLocation(location))).toEqual([
        'location.latitude is required',
        'location.longitude is required',
      ]);
    });

    it('refuses a missing longitude only', () => {
      expect(errorsFor(withLocation({ latitude: 1 }))).toEqual(['location.longitude is required']);
    });
  });

  describe('name, address and unknown fields', () => {
    it.each([
      ['name null', { name: null }, 'location.name must be a string'],
      ['name empty', { name: '' }, 'location.name must not be empty'],
      ['name of 1001 characters', { name: 'n'.repeat(1001) }, 'location.name must be at most 1000 characters'],
      ['address blank', { address: '   ' }, 'location.address must not be empty'],
      ['address a number', { address: 10007 }, 'location.address must be a string'],
      ['address of 1001 characters', { address: 'a'.repeat(1001) }, 'location.address must be at most 1000 characters'],
      ['an unknown field location.zoom', { zoom: 3 }, 'location.zoom is not a field Zixflow accepts here; remove it'],
      ['an unknown field location.lat', { lat: 1 }, 'location.lat is not a field Zixflow accepts here; remove it'],
    ])('refuses %s', (_label, extra, expected) => {
      expect(errorsFor(withLocation({ latitude: 1, longitude: 2, ...extra }))).toEqual([expected]);
    });

    it.each([
      ['missing', undefined, 'location is required'],
      ['null', null, 'location is required'],
      ['a string', '40.7128,-74.0060', 'location must be an object'],
    ])('refuses location when it is %s', (_label, location, expected) => {
      expect(errorsFor(withLocation(location))).toEqual([expected]);
    });

    it('refuses location given as a [latitude, longitude] array', () => {
      expect(errorsFor(withLocation([40.7128, -74.006]))).toContain('location must be an object');
    });

    // An array where the location object belongs gives one line, not one per item.
    it('refuses location given as an array with a single line', () => {
      expect(errorsFor(withLocation([40.7128, -74.006]))).toEqual(['location must be an object']);
    });

    it.each([['text'], ['LOCATION'], ['place'], [null]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withLocation({ latitude: 1, longitude: 2 }), type })).toEqual([
        'type must be "location" when calling sendLocation (or be left out)',
      ]);
    });

    it.each([[null], ['40.7128,-74.0060'], [40.7128], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
