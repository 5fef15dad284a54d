/**
 * JSON Schemas of the signals, for integrators outside Java: generated from the records at build time
 * ({@link network.ohc.care.bus.contracts.schema.SignalSchemas}), checked in beside each contract module and kept in
 * step by a test ({@link network.ohc.care.bus.contracts.schema.SchemaFiles}), packed into the jar and read back by
 * Care at run time ({@link network.ohc.care.bus.contracts.schema.SchemaResources}). JDK only.
 */
package network.ohc.care.bus.contracts.schema;
