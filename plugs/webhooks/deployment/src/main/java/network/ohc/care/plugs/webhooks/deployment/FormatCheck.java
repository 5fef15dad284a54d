package network.ohc.care.plugs.webhooks.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.ohc.care.plugs.webhooks.PayloadFormat;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/** Checks, at build time, the classes named as endpoint formats: present, concrete, a {@link PayloadFormat}, constructible. */
final class FormatCheck {
    static final DotName FORMAT = DotName.createSimple(PayloadFormat.class.getName());
    private static final DotName INJECT = DotName.createSimple("jakarta.inject.Inject");

    private FormatCheck() {
    }

    /** @param named config key to class name */
    static List<String> problems(IndexView index, Map<String, String> named) {
        List<String> out = new ArrayList<>();
        named.forEach((key, name) -> {
            if (name == null || name.isBlank() || name.contains("${")) {
                out.add(key + " must name a class in the file itself: the class is fixed into the image at build time");
                return;
            }
            ClassInfo c = index.getClassByName(DotName.createSimple(name.strip()));
            if (c == null) {
                out.add(key + " names " + name + ", which is not on the deployment's class path (ship it in a plug of yours)");
            } else if (!implementsFormat(index, c)) {
                out.add(key + " names " + name + ", which does not implement " + FORMAT);
            } else if (Modifier.isAbstract(c.flags()) || Modifier.isInterface(c.flags())) {
                out.add(key + " names " + name + ", which is abstract: name a concrete class");
            } else if (!constructible(c)) {
                out.add(key + " names " + name + ", which has no public no-argument (or @Inject) constructor");
            }
        });
        return out;
    }

    private static boolean implementsFormat(IndexView index, ClassInfo c) {
        for (DotName i : c.interfaceNames()) {
            if (i.equals(FORMAT)) {
                return true;
            }
            ClassInfo parent = index.getClassByName(i);
            if (parent != null && implementsFormat(index, parent)) {
                return true;
            }
        }
        if (c.superName() == null || c.superName().toString().equals("java.lang.Object")) {
            return false;
        }
        ClassInfo sup = index.getClassByName(c.superName());
        return sup != null && implementsFormat(index, sup);
    }

    private static boolean constructible(ClassInfo c) {
        for (MethodInfo m : c.constructors()) {
            if ((m.parametersCount() == 0 && Modifier.isPublic(m.flags())) || m.hasAnnotation(INJECT)) {
                return true;
            }
        }
        return false;
    }
}
