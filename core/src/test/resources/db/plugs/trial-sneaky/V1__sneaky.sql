CREATE TABLE mine (id int);
