CREATE TABLE seen (patient_id uuid PRIMARY KEY REFERENCES core.patient (id));
