package org.medledger.node.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.tls.TlsIdentity;

/**
 * The node's HTTPS API (HTTPS only: there is no plain-HTTP connector).
 *
 * <pre>
 * POST /v1/transactions          canonical signed transaction (application/octet-stream) → receipt
 * GET  /v1/transactions/{id}     receipt of a committed transaction
 * GET  /v1/blocks/{height}       a committed block
 * GET  /v1/status                chain id, head, validators, quorum, waiting transactions
 * GET  /v1/validators            every validator set of the chain, oldest first
 * GET  /v1/identities/{org}/{name}  an identity: role, attributes, certificates, status
 * GET  /v1/governance/proposals/{id}  a governance proposal and its approvals
 * </pre>
 *
 * Errors are {@code application/problem+json} (see {@link Problems}).
 */
public final class ApiServer implements AutoCloseable {
  /** How long {@code POST /v1/transactions} waits for the commit before answering 504. */
  public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final Javalin app;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving; port 0 in {@code listen} picks a free port (see {@link #port()}). */
  public static ApiServer start(NodeConfig.Listen listen, TlsIdentity tls, NodeLedger ledger) {
    return start(listen, tls, ledger, DEFAULT_COMMIT_TIMEOUT);
  }

  public static ApiServer start(NodeConfig.Listen listen, TlsIdentity tls, NodeLedger ledger, Duration commitTimeout) {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(ledger, "ledger");
    TransactionRoutes transactions = new TransactionRoutes(ledger, commitTimeout);
    BlockRoutes blocks = new BlockRoutes(ledger);
    StatusRoutes status = new StatusRoutes(ledger);
    GovernanceRoutes governance = new GovernanceRoutes(ledger);
    IdentityRoutes identities = new IdentityRoutes(ledger);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(JsonMapper.builder().build(), false));
      // A backstop only: the commit timeout answers first.
      config.http.prefer405over404 = true;
      config.http.asyncTimeout = commitTimeout.plusSeconds(10).toMillis();
      config.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, listen, tls));
      config.routes.after(ctx -> ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff"));
      config.routes.apiBuilder(() -> path("v1", () -> {
        path("transactions", () -> {
          post(transactions::submit);
          get("{id}", transactions::receipt);
        });
        path("blocks", () -> get("{height}", blocks::block));
        path("status", () -> get(status::status));
        path("validators", () -> get(governance::validators));
        path("identities", () -> get("{org}/{name}", identities::identity));
        path("governance/proposals", () -> get("{id}", governance::proposal));
      }));
      Problems.register(config.routes);
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("the API could not listen on " + listen.host() + ":" + listen.port() + ": "
          + e.getMessage(), e);
    }
    return new ApiServer(app);
  }

  /** The port the API listens on (the one picked if the configuration said 0). */
  public int port() {
    return app.port();
  }

  /** Stops serving; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      app.stop();
    }
  }
}
