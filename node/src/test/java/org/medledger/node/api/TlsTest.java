package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.node.RunningNode;
import org.medledger.node.TestNetwork;

/** The API speaks HTTPS only, with the node's certificate from its organisation's CA. */
@Timeout(120)
class TlsTest {
  @TempDir Path dir;

  private RunningNode node;

  @BeforeEach
  void startNode() {
    node = RunningNode.start(dir);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aClientTrustingTheOrganisationCaGetsTls13WithTheNodesCertificate() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(node.network().clientTls()).build();

    HttpResponse<String> response = get(client, "https://localhost:" + node.node().apiPort() + "/v1/status");

    assertThat(response.statusCode()).isEqualTo(200);
    SSLSession session = response.sslSession().orElseThrow();
    assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
    X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
    assertThat(peer.getSubjectX500Principal().getName()).contains(TestNetwork.VALIDATOR);
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void plainHttpToTheHttpsPortGetsNoAnswer() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> get(client, "http://localhost:" + node.node().apiPort() + "/v1/status"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aClientThatDoesNotTrustTheCaRefusesTheNode() {
    TestNetwork stranger = new TestNetwork("medledger-stranger");
    HttpClient client = HttpClient.newBuilder().sslContext(stranger.clientTls()).build();

    assertThatThrownBy(() -> get(client, "https://localhost:" + node.node().apiPort() + "/v1/status"))
        .isInstanceOf(SSLHandshakeException.class);
  }
}
