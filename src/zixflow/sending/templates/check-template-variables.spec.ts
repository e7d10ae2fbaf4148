import { checkTemplateVariables } from './check-template-variables';
import { parseTemplateVariables } from './parse-template-variables';
import { TemplateVariablesCache } from './template-variables.cache';

describe('checkTemplateVariables', () => {
  const declared = [
    { keyName: 'image', type: 'IMAGE_URL' },
    { keyName: 'doc', type: 'DOCUMENT_URL' },
    { keyName: 'code', type: 'OTP' },
  ];

  it('accepts exactly the declared keys with URL values where URLs are declared', () => {
    expect(
      checkTemplateVariables(
        declared,
        { image: 'https://a.example/i.png', doc: 'http://a.example/d.pdf', code: '1234' },
        't',
      ),
    ).toEqual([]);
  });

  it.each([
    [{ doc: 'https://a.example/d.pdf', code: '1' }, 'variables.image is missing: template t expects image, doc, code'],
    [
      { image: 'https://a.example/i.png', doc: 'https://a.example/d.pdf', code: '1', extra: 'x' },
      'variables.extra is not a variable of template t (it expects image, doc, code)',
    ],
    [
      { image: 'javascript:alert(1)', doc: 'https://a.example/d.pdf', code: '1' },
      'variables.image must be an http or https URL: the template declares it as IMAGE_URL',
    ],
    [
      { image: 'https://user:secret@a.example/i.png', doc: 'https://a.example/d.pdf', code: '1' },
      'variables.image must be an http or https URL without credentials: the template declares it as IMAGE_URL',
    ],
  ])('reports %j', (given, line) => {
    expect(checkTemplateVariables(declared, given, 't')).toEqual([line]);
  });

  it('names "no variables" for a template without any', () => {
    expect(checkTemplateVariables([], { a: 'x' }, 't')).toEqual([
      'variables.a is not a variable of template t (it expects no variables)',
    ]);
  });
});

describe('parseTemplateVariables', () => {
  it.each([
    [
      { status: true, data: [{ label: 'L', keyName: 'k', type: 'text' }] },
      [{ label: 'L', keyName: 'k', type: 'TEXT' }],
    ],
    [{ success: true, data: { data: [{ keyName: 'k' }] } }, [{ keyName: 'k', type: 'TEXT' }]],
    [{ status: true, data: [{ label: 'no key' }, 'x', null] }, []],
  ])('reads %j', (body, expected) => {
    expect(parseTemplateVariables(body)).toEqual(expected);
  });

  it.each([[{ status: true }], [{ status: true, data: 'x' }], ['text'], [null]])(
    'returns undefined without a list: %j',
    (body) => {
      expect(parseTemplateVariables(body)).toBeUndefined();
    },
  );
});

describe('TemplateVariablesCache', () => {
  it('expires entries after the TTL and drops the oldest past the cap', () => {
    let now = 0;
    const cache = new TemplateVariablesCache(100, 2, () => now);
    cache.set('a', [{ keyName: 'a', type: 'TEXT' }]);
    cache.set('b', []);
    cache.set('c', []);

    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual([]);
    now = 100;
    expect(cache.get('b')).toBeUndefined();
  });
});
