package network.ohc.care.plugs.kafkaexport.tests;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the test broker before Care and points the plug at it. */
public class BrokerResource implements QuarkusTestResourceLifecycleManager {
    static volatile KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = new KafkaBroker();
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("plug.kafka-export.config.bootstrap-servers", broker.bootstrap());
    }

    @Override
    public void stop() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
