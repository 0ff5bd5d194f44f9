'use strict';
/**
 * A throwaway self-signed certificate for https://127.0.0.1, and its key: test-only, public, never
 * trusted by anything (openssl req -x509, EC P-256, CN and SAN 127.0.0.1, valid 100 years). A TLS
 * server with it makes n8n's request fail with DEPTH_ZERO_SELF_SIGNED_CERT.
 */
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghbxaX5/CehqSfrpB
MfG6kmhAY0tt8fMaeswIEl1sCMWhRANCAASmiIlPSxhNwWLOAHR5yljOPc2uUhIi
TbTZ9k6eyilel25S9ypO82454XHpioOMWZgfr4id0L0kYzpKpY1lWKnl
-----END PRIVATE KEY-----`;

const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUZbKhCc8AZYcmcEdib61kNyya3iswCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTE0NTEyOVoYDzIxMjYxMTA1
MTQ1MTI5WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASmiIlPSxhNwWLOAHR5yljOPc2uUhIiTbTZ9k6eyilel25S9ypO8245
4XHpioOMWZgfr4id0L0kYzpKpY1lWKnlo2QwYjAdBgNVHQ4EFgQUvas0LAus3y5E
Uoac4NbcPbPHyCowHwYDVR0jBBgwFoAUvas0LAus3y5EUoac4NbcPbPHyCowDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IQDdfUE2S0Dji5f7WEwnWTFLNzivh/G6S2gWNR7EBmoJtgIgDLtmommaoGsa6VAY
hOXCC5S6eUfYhC+XLK5EclrUtv0=
-----END CERTIFICATE-----`;

module.exports = { TLS_KEY, TLS_CERT };
