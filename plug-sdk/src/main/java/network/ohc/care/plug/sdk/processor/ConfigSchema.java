package network.ohc.care.plug.sdk.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A plug's config schema read from its {@code @ConfigMapping} interface, the way SmallRye Config maps it: each
 * abstract method is a key (kebab-case of its name, or {@code @WithName}), a nested interface a group of keys
 * ({@code sasl.mechanism}), a {@code Map<String, Group>} a named group ({@code endpoint.*.url}). A key is required
 * when it has no {@code @WithDefault} and is not {@code Optional}. The description is the first sentence of the
 * method's javadoc; {@code @Secret}, {@code @Kind} and {@code @RequiredWith} (plug SDK) add what Java cannot say.
 */
final class ConfigSchema {
    /** Where the schema goes in the plug's runtime jar, beside the descriptor. */
    static final String RESOURCE = "META-INF/care-plug-config.properties";
    private static final String SDK = "network.ohc.care.plug.sdk.config.";

    record Key(String key, String type, String defaultValue, boolean required, String description, String requiredWith) {
    }

    private final ProcessingEnvironment env;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    ConfigSchema(ProcessingEnvironment env) {
        this.env = env;
    }

    List<String> errors() {
        return errors;
    }

    Map<String, Key> keys() {
        return keys;
    }

    void add(TypeElement mapping) {
        walk(mapping, "", false, new ArrayList<>());
    }

    private void walk(TypeElement group, String prefix, boolean optionalGroup, List<String> path) {
        if (path.contains(group.getQualifiedName().toString())) {
            errors.add(group.getQualifiedName() + " contains itself");
            return;
        }
        path.add(group.getQualifiedName().toString());
        List<ExecutableElement> methods = new ArrayList<>();
        collectMethods(group, methods);
        for (ExecutableElement m : methods) {
            String key = prefix + keyName(m);
            TypeMirror t = m.getReturnType();
            boolean optional = false;
            String erased = erasure(t);
            if (erased.equals("java.util.Optional")) {
                optional = true;
                t = typeArgument(t, 0);
                erased = erasure(t);
            } else if (erased.startsWith("java.util.Optional")) {
                optional = true;
            }
            if (erased.equals("java.util.Map")) {
                TypeMirror v = typeArgument(t, 1);
                if (isGroup(v)) {
                    walk(asType(v), key + ".*.", true, new ArrayList<>(path));
                } else {
                    put(m, key + ".*", v, true, prefix);
                }
            } else if (isGroup(t)) {
                walk(asType(t), key + ".", optionalGroup || optional, new ArrayList<>(path));
            } else {
                put(m, key, t, optional || optionalGroup, prefix);
            }
        }
    }

    private void put(ExecutableElement m, String key, TypeMirror t, boolean optional, String prefix) {
        String def = PlugProcessor.stringValue(PlugProcessor.annotation(m, "io.smallrye.config.WithDefault"), "value");
        String type = PlugProcessor.annotation(m, SDK + "Secret") != null ? "secret"
                : PlugProcessor.stringValue(PlugProcessor.annotation(m, SDK + "Kind"), "value");
        if (type == null) {
            type = typeOf(t);
        }
        String with = PlugProcessor.stringValue(PlugProcessor.annotation(m, SDK + "RequiredWith"), "value");
        boolean primitiveOrPlain = !optional && def == null;
        keys.put(key, new Key(key, type, def, primitiveOrPlain && !key.contains("*"), description(m),
                with == null ? null : prefix + with));
    }

    private static String typeOf(TypeMirror t) {
        if (t.getKind() == TypeKind.BOOLEAN) {
            return "boolean";
        }
        if (t.getKind() == TypeKind.INT || t.getKind() == TypeKind.LONG || t.getKind() == TypeKind.SHORT) {
            return "int";
        }
        return switch (erasure(t)) {
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.util.OptionalInt", "java.util.OptionalLong" -> "int";
            case "java.time.Duration" -> "duration";
            case "java.net.URI", "java.net.URL" -> "url";
            default -> "string";
        };
    }

    private void collectMethods(TypeElement type, List<ExecutableElement> out) {
        for (TypeMirror sup : type.getInterfaces()) {
            collectMethods(asType(sup), out);
        }
        for (Element e : type.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getModifiers().contains(Modifier.ABSTRACT)
                    && ((ExecutableElement) e).getParameters().isEmpty()) {
                out.add((ExecutableElement) e);
            }
        }
    }

    private static String keyName(ExecutableElement m) {
        String named = PlugProcessor.stringValue(PlugProcessor.annotation(m, "io.smallrye.config.WithName"), "value");
        return named != null ? named : kebab(m.getSimpleName().toString());
    }

    /** SmallRye Config's default naming: {@code maxAttempts} is {@code max-attempts}. */
    static String kebab(String method) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && !(Character.isUpperCase(method.charAt(i - 1))
                        && (i + 1 >= method.length() || Character.isUpperCase(method.charAt(i + 1))))) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The first sentence of the method's javadoc, tags reduced to their text; empty when it has none. */
    private String description(ExecutableElement m) {
        String doc = env.getElementUtils().getDocComment(m);
        if (doc == null) {
            return "";
        }
        String text = doc.replaceAll("\\{@(?:code|link|linkplain|literal) ([^}]*)}", "$1").replaceAll("(?m)^\\s*@.*$", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        if (end >= 0) {
            text = text.substring(0, end);
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private boolean isGroup(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement e = asType(t);
        String n = e.getQualifiedName().toString();
        return e.getKind() == ElementKind.INTERFACE && !n.startsWith("java.");
    }

    private TypeElement asType(TypeMirror t) {
        return (TypeElement) env.getTypeUtils().asElement(t);
    }

    private static String erasure(TypeMirror t) {
        if (t instanceof DeclaredType d) {
            return ((TypeElement) d.asElement()).getQualifiedName().toString();
        }
        return t.toString();
    }

    private static TypeMirror typeArgument(TypeMirror t, int i) {
        return ((DeclaredType) t).getTypeArguments().get(i);
    }

    /** The schema as the descriptor's {@code config.<key>.*} lines, in a fixed order (the jar stays reproducible). */
    String render(String plug, List<String> sources) {
        StringBuilder b = new StringBuilder();
        b.append("# The config schema of plug ").append(plug).append(", generated by the plug SDK from ")
                .append(String.join(", ", sources)).append(". Do not edit: edit the interface.\n");
        b.append("# Deployers set these keys as ").append(PlugProcessor.configPrefix(plug)).append(".<key> in plug-config.properties.\n");
        for (Key k : keys.values()) {
            line(b, k.key(), "type", k.type());
            if (k.defaultValue() != null) {
                line(b, k.key(), "default", k.defaultValue());
            }
            if (k.required()) {
                line(b, k.key(), "required", "true");
            }
            if (k.requiredWith() != null) {
                line(b, k.key(), "required-with", k.requiredWith());
            }
            if (!k.description().isEmpty()) {
                line(b, k.key(), "description", k.description());
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String attribute, String value) {
        b.append("config.").append(key).append('.').append(attribute).append('=').append(escape(value)).append('\n');
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
