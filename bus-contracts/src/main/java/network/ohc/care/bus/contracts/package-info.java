/**
 * Care's bus contracts: the typed domain signals core emits after each committed change, for plugs and
 * outside integrators. Depends on the JDK only. Every signal is a record implementing
 * {@link network.ohc.care.bus.contracts.DomainSignal}, annotated with
 * {@link network.ohc.care.bus.contracts.SignalType}; the versioning rules are in VERSIONING.md.
 */
package network.ohc.care.bus.contracts;
