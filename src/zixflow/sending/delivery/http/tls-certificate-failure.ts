/**
 * Node's codes for a server certificate that failed verification (OpenSSL's X509_V_ERR names, plus
 * Node's own host-name check), each with what it means in plain words. Repeating the request
 * cannot fix any of them, unlike a reset or a refused connection.
 */
const CERTIFICATE_FAILURES: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the certificate’s issuer is not trusted here (a missing intermediate or an intercepting proxy)',
  UNABLE_TO_GET_ISSUER_CERT:
    'the certificate’s issuer is not trusted here (a missing intermediate or an intercepting proxy)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the certificate’s issuer is not trusted here (a missing intermediate or an intercepting proxy)',
  CERT_UNTRUSTED: 'the certificate is not trusted',
  CERT_REJECTED: 'the certificate is rejected',
  INVALID_CA: 'the certificate chain holds an invalid authority',
  CERT_CHAIN_TOO_LONG: 'the certificate chain is too long',
  PATH_LENGTH_EXCEEDED: 'the certificate chain is longer than its authority allows',
  INVALID_PURPOSE: 'the certificate is not meant for a server',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'the certificate’s validity dates are malformed',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'the certificate’s validity dates are malformed',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate’s signature does not verify',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'the certificate’s signature does not verify',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'the certificate’s issuer key cannot be read',
  HOSTNAME_MISMATCH: 'the certificate is for another host',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host',
};

/** What a certificate failure code means in plain words, or undefined when the code is not one. */
export function describeCertificateFailure(code: string | undefined): string | undefined {
  return code !== undefined && Object.prototype.hasOwnProperty.call(CERTIFICATE_FAILURES, code)
    ? CERTIFICATE_FAILURES[code]
    : undefined;
}
