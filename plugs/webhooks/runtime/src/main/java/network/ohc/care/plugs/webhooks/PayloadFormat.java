package network.ohc.care.plugs.webhooks;

import network.ohc.care.bus.contracts.DomainSignal;

/**
 * A strategy the deployment supplies: it shapes the JSON body an endpoint receives (the Java form of CEP-5's "configs
 * can hold functions"). Name the class in plug-config.properties, {@code plug.webhooks.config.endpoint.<id>.format=
 * org.hospital.FhirFormat}, and put it on the deployment's class path (in a plug of your own, say). {@code ./care build}
 * checks that it exists and implements this interface, and fixes it into the image as a bean (a plain class with a
 * public no-argument constructor will do); naming a class at start that the build did not see is refused.
 */
public interface PayloadFormat {
    /**
     * The body to send (JSON; it is what the signature covers).
     *
     * @param signal the signal
     * @param json   the signal as Care writes it, the body endpoints without a format receive
     */
    String body(DomainSignal signal, String json) throws Exception;
}
