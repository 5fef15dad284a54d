-- The text check cannot see this one: the table name is put together at run time.
DO $$ BEGIN EXECUTE 'ALTER TABLE co' || 're.patient ADD COLUMN sneaky int'; END $$;
