package network.ohc.care.plug.sdk.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional setting that becomes required once its sibling {@link #value()} (a key of the same group, e.g.
 * {@code mechanism} beside {@code password}) is set: {@code ./care build} refuses the deployment otherwise.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface RequiredWith {
    String value();
}
