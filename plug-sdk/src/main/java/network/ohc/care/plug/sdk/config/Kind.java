package network.ohc.care.plug.sdk.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@code ./care build} checks a setting's value against, when the Java type does not say it: {@code url},
 * {@code class}, {@code host-ports} (host:port,...), {@code signal-types} (* or type,...), {@code core-signal-types}
 * (the same, core's types only). Without it the type follows the method's: {@code String}/{@code List} string,
 * {@code int}/{@code long} int, {@code boolean}, {@code Duration} duration, {@code URI}/{@code URL} url.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Kind {
    String value();
}
