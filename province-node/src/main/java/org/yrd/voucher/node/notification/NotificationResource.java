package org.yrd.voucher.node.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.Roles;

/** The notification centre of each person: what waits for them, read or not, and whether it also comes by e-mail. */
@Path("/api/v1/notifications")
@RolesAllowed({Roles.OPERATOR, Roles.FINANCE, Roles.ENTERPRISE, Roles.PROVIDER, Roles.AGENT})
public class NotificationResource {
    private final Notifications notifications;
    private final Caller caller;

    NotificationResource(Notifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    public record Unread(long unread) {}

    public record SettingsChange(@NotNull Boolean email, @Pattern(regexp = "zh-CN|en") String language) {}

    /** Newest first; {@code unread=true} for the unread only; {@code limit} ≤ 500. */
    @GET
    public List<Notifications.Item> mine(@QueryParam("unread") String unread, @QueryParam("limit") String limit,
                                         @Context HttpHeaders headers) {
        return notifications.of(reader(headers), Params.flag("unread", unread), Paging.of(limit, null).limit());
    }

    @GET
    @Path("/unread")
    public Unread unread(@Context HttpHeaders headers) {
        return new Unread(notifications.unread(reader(headers)));
    }

    @POST
    @Path("/{id}/read")
    public Map<String, String> read(@PathParam("id") String id, @Context HttpHeaders headers) {
        notifications.read(reader(headers), IdParam.uuid("id", id));
        return Map.of("id", id);
    }

    @POST
    @Path("/read-all")
    public Map<String, Integer> readAll(@Context HttpHeaders headers) {
        return Map.of("marked", notifications.readAll(reader(headers)));
    }

    @GET
    @Path("/settings")
    public Notifications.Settings settings(@Context HttpHeaders headers) {
        return notifications.settings(reader(headers));
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Notifications.Settings change(@NotNull @Valid SettingsChange change, @Context HttpHeaders headers) {
        return notifications.change(reader(headers), change.email(), change.language());
    }

    private Notifications.Reader reader(HttpHeaders headers) {
        String staff = Stream.of(Roles.OPERATOR, Roles.FINANCE).filter(caller::hasRole).collect(Collectors.joining(","));
        return new Notifications.Reader(caller.actor().subject(), caller.claim("preferred_username"),
                caller.claim(Roles.USCC_CLAIM), staff, caller.claim("email"), Messages.locale(headers));
    }
}
