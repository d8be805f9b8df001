package org.haochaping.identity.local;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * The provider's clients, built on first use: the console's redirect URI is this system's public
 * base URL, which on {@code server.port=0} is known only once the server listens.
 */
final class LazyRegisteredClients implements RegisteredClientRepository {

    private final Supplier<RegisteredClientRepository> clients;

    LazyRegisteredClients(Supplier<RegisteredClientRepository> clients) {
        this.clients = SingletonSupplier.of(clients);
    }

    @Override
    public void save(RegisteredClient client) {
        clients.get().save(client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return clients.get().findById(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return clients.get().findByClientId(clientId);
    }
}
