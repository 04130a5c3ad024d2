package org.medledger.bench.load;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.medledger.client.sdk.NodeClient;

/**
 * The nodes under load, one {@link NodeClient} each (one HTTP client, so one connection pool, per
 * node), handed out round-robin: transaction {@code i} goes to node {@code i mod n}.
 */
final class Targets {
  private final List<NodeClient> clients;
  private final AtomicLong next = new AtomicLong();

  Targets(List<URI> nodes, List<X509Certificate> trustedAuthorities) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one node URL is needed");
    }
    this.clients = nodes.stream().map(uri -> new NodeClient(uri, trustedAuthorities)).toList();
  }

  NodeClient next() {
    return clients.get((int) Math.floorMod(next.getAndIncrement(), (long) clients.size()));
  }

  List<NodeClient> all() {
    return clients;
  }
}
