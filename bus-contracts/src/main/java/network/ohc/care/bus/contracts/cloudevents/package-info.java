/**
 * The CloudEvents 1.0 form of a signal, fixed here so that every transport agrees: the attributes
 * ({@link network.ohc.care.bus.contracts.cloudevents.CloudEvents}), their Kafka headers and record key
 * ({@link network.ohc.care.bus.contracts.cloudevents.KafkaBinding}, {@link network.ohc.care.bus.contracts.cloudevents.KafkaTopics})
 * and their HTTP headers ({@link network.ohc.care.bus.contracts.cloudevents.HttpBinding}). JDK only.
 */
package network.ohc.care.bus.contracts.cloudevents;
