package dev.tracedesk.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Endpoint overrides from the SDK-wide variables {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code AWS_ENDPOINT_URL}
 * (off when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}), read from the injected environment. A profile's own
 * {@code endpoint_url} is applied by the SDK itself, since clients get the catalog's profile file.
 */
public final class EndpointOverrides {
    private final AwsEnvironment environment;

    public EndpointOverrides(AwsEnvironment environment) {
        this.environment = environment;
    }

    public Optional<URI> forService(AwsService service) {
        if (environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").map(Boolean::parseBoolean).orElse(false)) {
            return Optional.empty();
        }
        String variable = service.endpointVariable();
        Optional<String> value = environment.get(variable);
        if (value.isEmpty()) {
            variable = "AWS_ENDPOINT_URL";
            value = environment.get(variable);
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value.get(), "needs a scheme and a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.INVALID_PROFILE,
                    variable + " is not a valid URL (" + e.getMessage() + "). Fix or unset it."), e);
        }
    }
}
