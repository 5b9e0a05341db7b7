-- Signalbox schema, version 7: certificates a user trusts for one provider's TLS (a self-signed
-- server, a company CA), besides the JDK's default store. PEM text, at most 64 KB (checked on
-- import). Not encrypted: a certificate is public, unlike the api_key next to it. NULL: only the
-- default store is trusted. (V5 and V6 are other changes.)

ALTER TABLE providers ADD COLUMN trusted_certificate VARCHAR(65536);
