package network.ohc.care.plug.sdk.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a setting of a plug's {@code @ConfigMapping} interface as a secret (type {@code secret} in the generated
 * schema): Care never prints or returns its value, and {@code ./care build} asks for it as {@code ${ENV_VAR}}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Secret {
}
