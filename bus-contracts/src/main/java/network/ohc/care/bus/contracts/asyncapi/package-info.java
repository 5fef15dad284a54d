/** The AsyncAPI 3.0 document of Care's signal channels, built from the signals' JSON Schemas. JDK only. */
package network.ohc.care.bus.contracts.asyncapi;
