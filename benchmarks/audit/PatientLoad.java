import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the audit benchmark: signs in, makes (once) a facility with patients, then GETs patients by id from
 * THREADS threads for SECONDS seconds after a warm-up, and prints "RESULT <label> <requests per second>"; the
 * measured window is marked by "MEASURE start" and "MEASURE end <requests>" lines.
 * Usage: java PatientLoad.java BASE_URL PASSWORD LABEL THREADS SECONDS
 */
public class PatientLoad {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        String base = a[0];
        String label = a[2];
        int threads = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        String token = field(send("POST", base + "/api/v1/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"" + a[1] + "\"}"), "accessToken");
        List<String> patients = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(send("GET", base + "/api/v1/patients?size=200", token, null));
        while (m.find()) {
            patients.add(m.group(1));
        }
        if (patients.size() < 100) {
            String facility = field(send("POST", base + "/api/v1/facilities", token,
                    "{\"name\":\"Bench " + System.nanoTime() + "\",\"kind\":\"HOSPITAL\"}"), "id");
            for (int i = 0; i < 100; i++) {
                patients.add(field(send("POST", base + "/api/v1/patients", token, "{\"facilityId\":\"" + facility
                        + "\",\"name\":\"Bench patient " + i + "\",\"sex\":\"FEMALE\",\"age\":40}"), "id"));
            }
        }
        run(base, token, patients, threads, 5, new AtomicLong());
        AtomicLong done = new AtomicLong();
        // The script samples the app's and its database sessions' CPU time at these two lines.
        System.out.println("MEASURE start");
        System.out.flush();
        long started = System.nanoTime();
        run(base, token, patients, threads, seconds, done);
        double perSecond = done.get() / ((System.nanoTime() - started) / 1e9);
        System.out.println("MEASURE end " + done.get());
        System.out.printf("RESULT %s %.0f%n", label, perSecond);
    }

    static void run(String base, String token, List<String> patients, int threads, int seconds, AtomicLong done) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    try {
                        send("GET", base + "/api/v1/patients/" + patients.get(i++ % patients.size()), token, null);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            th.start();
            all.add(th);
        }
        for (Thread th : all) {
            th.join();
        }
    }

    static String send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
