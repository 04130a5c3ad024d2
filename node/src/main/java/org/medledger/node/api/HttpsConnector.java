package org.medledger.node.api;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.tls.TlsIdentity;

/**
 * The API's only connector: HTTP/1.1 over TLS 1.3 or 1.2, with the node's key and certificate
 * chain held in an in-memory key store (nothing is written to disk).
 */
final class HttpsConnector {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private HttpsConnector() {}

  static Connector create(Server server, HttpConfiguration base, NodeConfig.Listen listen, TlsIdentity tls) {
    HttpConfiguration https = new HttpConfiguration(base);
    https.setSendServerVersion(false);
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(sslContextFactory(tls), HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
    connector.setHost(listen.host());
    connector.setPort(listen.port());
    return connector;
  }

  private static SslContextFactory.Server sslContextFactory(TlsIdentity tls) {
    // The store lives in memory only; its password is random per start and protects nothing at rest.
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getEncoder().encodeToString(random);
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStore(keyStore(tls, password.toCharArray()));
    factory.setKeyStorePassword(password);
    factory.setKeyManagerPassword(password);
    factory.setIncludeProtocols(PROTOCOLS);
    return factory;
  }

  private static KeyStore keyStore(TlsIdentity tls, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("node", tls.privateKey(), password, tls.chain().toArray(X509Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the node's TLS key in a key store: " + e.getMessage(), e);
    }
  }
}
