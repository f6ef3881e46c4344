-- The kitchen sink's features of PostgreSQL 14 and 15, run after kitchen-sink.sql on servers that have them:
-- SQL-standard function bodies (BEGIN ATOMIC), numeric infinity, UNIQUE NULLS NOT DISTINCT, intervals whose
-- time exceeds 2^31 hours, BEFORE row triggers on partitioned tables.
CREATE OR REPLACE FUNCTION app.is_even(n int) RETURNS boolean LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT n % 2 = 0; END
;;
CREATE FUNCTION app.expensive() RETURNS SETOF app.prices LANGUAGE sql BEGIN ATOMIC SELECT * FROM app.prices WHERE price > 5; END
;;
UPDATE public.all_types SET nfree = CASE id WHEN 3 THEN 'Infinity'::numeric ELSE '-Infinity' END WHERE id IN (3, 4)
;;
ALTER TABLE public.empty_table DROP CONSTRAINT empty_note_key, ADD CONSTRAINT empty_note_key UNIQUE NULLS NOT DISTINCT (note)
;;
UPDATE public.all_types SET iv = '2147483647 mons -2147483648 days -9223372036854775808 microseconds' WHERE id = 1
;;
CREATE TRIGGER measurements_before BEFORE INSERT ON app.measurements FOR EACH ROW EXECUTE FUNCTION app.keep()
