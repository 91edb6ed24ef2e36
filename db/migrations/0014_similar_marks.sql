-- Monitoring for the key-protection list: new trademarks close to a firm's marks in the same Nice
-- class (a watch of kind similar_marks on the firm's holder raises similar_mark alerts); and a
-- watch kept on a firm's behalf names the firm, whose own filings are then not news to it.
ALTER TABLE watches ADD COLUMN exclude_uscc text;
ALTER TABLE watches DROP CONSTRAINT watches_kind_check;
ALTER TABLE watches ADD CONSTRAINT watches_kind_check CHECK (kind IN ('holder', 'ipc', 'keyword', 'patent', 'trademark', 'similar_marks'));
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check
  CHECK (kind IN ('fee_due', 'fee_grace', 'expiry', 'status_change', 'new_filing', 'tm_renewal', 'tm_grace', 'similar_mark'));
