package network.ohc.care.bus.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a signal record's type and schema version. See VERSIONING.md for when the version changes. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SignalType {
    /** Dotted type name, stable forever once published, e.g. {@code care.patient.registered}. */
    String name();

    /** Payload schema version; a breaking change means a new version. */
    int version() default 1;

    /**
     * One or two sentences for integrators: what happened, and what the less obvious fields mean. It becomes the
     * description of the type's JSON Schema and of its messages in the AsyncAPI document.
     */
    String description() default "";
}
