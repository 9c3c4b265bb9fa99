import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A Neo4j 5 community server for Zeren's tests and benchmarks, run from the
 * test harness so it needs nothing but Maven Central and a JDK 17.
 *
 * Usage: NEO4J_PASSWORD=... ZerenNeo4j PORT WORKDIR [-Dzeren.seed=NEO4J_HOME of an imported store]. Bolt listens on
 * 127.0.0.1:PORT with auth on; the user neo4j gets the password from the
 * environment (never the command line, which any user can read). Prints "READY bolt://..." once Bolt
 * answers and shuts the database down cleanly on SIGTERM.
 */
public final class ZerenNeo4j {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("NEO4J_PASSWORD is not set");
            System.exit(2);
        }
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        long pageCache = Long.parseLong(System.getProperty("zeren.pagecache", "536870912"));
        var builder = Neo4jBuilders.newInProcessBuilder(work);
        // A store written by `neo4j-admin database import` (scripts/neo4j-server import): start from a copy of it.
        String seed = System.getProperty("zeren.seed", "");
        if (!seed.isEmpty()) {
            builder = builder.copyFrom(Path.of(seed));
        }
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // no transaction-log history: a test server is never restored, and bulk pushes
                // otherwise leave gigabytes of logs (18 GB after a few 1M-task pushes)
                .withConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
        neo4j.databaseManagementService()
                .database("system")
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            System.out.println("STOPPED");
            done.countDown();
        }));
        System.out.println("READY " + neo4j.boltURI());
        System.out.flush();
        done.await();
    }
}
