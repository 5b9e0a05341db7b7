-- Signalbox schema, version 10: tokens-per-minute limits on targets and fallbacks (issue 9).
-- (9 and 11 are taken by other branches of the same release.)
--
-- NULL means no limit, which is how every stored target behaved before. weight_given remembers
-- whether the configuration named a weight: targets with limits and no weights share by limits
-- (ADR 0014). Every target stored before had its weight written, so the default is TRUE.
ALTER TABLE route_targets ADD COLUMN tpm_limit BIGINT CHECK (tpm_limit BETWEEN 1 AND 1000000000);
ALTER TABLE route_targets ADD COLUMN weight_given BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE route_fallbacks ADD COLUMN tpm_limit BIGINT CHECK (tpm_limit BETWEEN 1 AND 1000000000);
