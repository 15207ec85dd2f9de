package org.yrd.voucher.hub.registry;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.hub.common.QueryParams;
import org.yrd.voucher.policy.Province;

/** The public YRD catalogue of recognised providers (P8 优质服务机构资源库, P13 disclosure), no login. */
@Path("/api/v1/public/providers")
public class CatalogueResource {

    public record CatalogueEntry(String uscc, String name, String homeProvince, Set<String> categories) {}

    @GET
    public List<CatalogueEntry> search(@QueryParam("category") String categoryParam,
                                       @QueryParam("province") String provinceParam, @QueryParam("name") String name) {
        String category = QueryParams.category("category", categoryParam);
        Province province = QueryParams.province("province", provinceParam);
        return HubProvider.<HubProvider>list("recognised = true order by name").stream()
                .filter(p -> category == null || p.recognisedCategories().contains(category))
                .filter(p -> province == null || p.homeProvince.equals(province.name()))
                .filter(p -> name == null || p.name.contains(name))
                .map(p -> new CatalogueEntry(p.uscc, p.name, p.homeProvince, p.recognisedCategories()))
                .toList();
    }
}
