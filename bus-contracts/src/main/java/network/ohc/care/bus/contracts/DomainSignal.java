package network.ohc.care.bus.contracts;

/** A typed domain signal: an immutable record whose first component is its {@link Envelope}. */
public interface DomainSignal {
    Envelope envelope();
}
