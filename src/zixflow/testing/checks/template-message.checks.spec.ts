import { envelope, validTemplateBody } from './body-checks.spec-helper';
import { checkTemplateMessageBody } from './template-message.checks';

describe('checkTemplateMessageBody', () => {
  it('accepts a valid template message', () => {
    expect(checkTemplateMessageBody(validTemplateBody)).toEqual([]);
  });

  it('accepts empty variables for a template without placeholders', () => {
    expect(
      checkTemplateMessageBody({ ...envelope, templateName: 'hello_world', language: 'en', variables: {} }),
    ).toEqual([]);
  });

  it("accepts a template without variables, as Zixflow's own SDK sends one", () => {
    expect(checkTemplateMessageBody({ ...envelope, templateName: 'hello_world', language: 'en' })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a null body', null, 'body: must be a JSON object (got null)'],
    [
      'a + prefix on to',
      { ...validTemplateBody, to: '+13023895111' },
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "+13023895111")`,
    ],
    ['a missing phoneId', { ...validTemplateBody, phoneId: undefined }, 'phoneId: is required'],
    ['a missing templateName', { ...validTemplateBody, templateName: undefined }, 'templateName: is required'],
    ['an empty language', { ...validTemplateBody, language: '' }, 'language: must not be empty'],
    ['variables as an array', { ...validTemplateBody, variables: ['a'] }, 'variables: must be an object (got array)'],
    [
      'a numeric variable',
      { ...validTemplateBody, variables: { otp: 1234 } },
      'variables.otp: must be a string (got number)',
    ],
    [
      'a null variable',
      { ...validTemplateBody, variables: { name: null } },
      'variables.name: must be a string (got null)',
    ],
    ['a type key', { ...validTemplateBody, type: 'template' }, 'type: unknown field'],
    ['an unknown key set to null', { ...validTemplateBody, text: null }, 'text: unknown field'],
    [
      'a non-URL reportURL',
      { ...validTemplateBody, reportURL: 'example.com/report' },
      'reportURL: must be an absolute http(s) URL (got "example.com/report")',
    ],
    [
      'a string submissionStatus',
      { ...validTemplateBody, submissionStatus: 'true' },
      'submissionStatus: must be a boolean (got string)',
    ],
  ])('rejects %s', (_case, body, problem) => {
    expect(checkTemplateMessageBody(body)).toContain(problem);
  });
});
