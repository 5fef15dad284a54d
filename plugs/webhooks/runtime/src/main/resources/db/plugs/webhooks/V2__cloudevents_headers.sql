-- The CloudEvents headers of a delivery (a JSON object, header -> value) for endpoints with cloudevents=true, fixed when
-- the delivery is queued so that every retry sends the same event.
ALTER TABLE delivery ADD COLUMN headers text;
