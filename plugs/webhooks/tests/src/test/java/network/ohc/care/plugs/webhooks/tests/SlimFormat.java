package network.ohc.care.plugs.webhooks.tests;

import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plugs.webhooks.PayloadFormat;

/** A deployment's own format: a plain class (no CDI annotation), named in config, fixed into the image by the build hook. */
public class SlimFormat implements PayloadFormat {
    @Override
    public String body(DomainSignal signal, String json) {
        return "{\"event\":\"" + signal.envelope().type() + "\",\"id\":\"" + signal.envelope().aggregateId() + "\"}";
    }
}
