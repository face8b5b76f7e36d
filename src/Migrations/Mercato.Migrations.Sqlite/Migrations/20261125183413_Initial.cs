using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_attribute",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: false),
                    filterable = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_attribute", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_category",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    parent_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_category", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_category_catalog_category_parent_id",
                        column: x => x.parent_id,
                        principalTable: "catalog_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_collection",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_collection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    title_sort = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subtitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    handle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    product_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    meta_title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    meta_description = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    metadata = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channels_sales_channel",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels_sales_channel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_api_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    redacted = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_api_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_stock_location",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address_line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    country_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_stock_location", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions_region",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    tax_rate_basis_points = table.Column<int>(type: "INTEGER", nullable: false),
                    prices_include_tax = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions_region", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_attribute",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    number_value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_attribute", x => new { x.product_id, x.key });
                    table.ForeignKey(
                        name: "fk_catalog_product_attribute_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_category",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    category_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_category", x => new { x.product_id, x.category_id });
                    table.ForeignKey(
                        name: "fk_catalog_product_category_catalog_category_category_id",
                        column: x => x.category_id,
                        principalTable: "catalog_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_product_category_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_collection",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    collection_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_collection", x => new { x.product_id, x.collection_id });
                    table.ForeignKey(
                        name: "fk_catalog_product_collection_catalog_collection_collection_id",
                        column: x => x.collection_id,
                        principalTable: "catalog_collection",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_product_collection_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_media",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    alt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_media", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_product_media_catalog_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_option",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_option", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_product_option_catalog_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_price_summary",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    min_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    max_amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_price_summary", x => new { x.product_id, x.currency_code });
                    table.ForeignKey(
                        name: "fk_catalog_product_price_summary_catalog_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_sales_channel",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    sales_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_sales_channel", x => new { x.product_id, x.sales_channel_id });
                    table.ForeignKey(
                        name: "fk_catalog_product_sales_channel_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_tag",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product_tag", x => new { x.product_id, x.value });
                    table.ForeignKey(
                        name: "fk_catalog_product_tag_catalog_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_variant",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    barcode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    weight_grams = table.Column<int>(type: "INTEGER", nullable: true),
                    manage_inventory = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_backorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_variant", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_variant_catalog_product_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channels_publishable_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sales_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels_publishable_key", x => x.id);
                    table.ForeignKey(
                        name: "fk_channels_publishable_key_sales_channel_sales_channel_id",
                        column: x => x.sales_channel_id,
                        principalTable: "channels_sales_channel",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "regions_region_country",
                columns: table => new
                {
                    country_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    region_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions_region_country", x => x.country_code);
                    table.ForeignKey(
                        name: "fk_regions_region_country_regions_region_region_id",
                        column: x => x.region_id,
                        principalTable: "regions_region",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_variant_option_value",
                columns: table => new
                {
                    variant_id = table.Column<string>(type: "TEXT", nullable: false),
                    option_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    filter_key = table.Column<string>(type: "TEXT", maxLength: 151, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_variant_option_value", x => new { x.variant_id, x.option_name });
                    table.ForeignKey(
                        name: "fk_catalog_variant_option_value_catalog_variant_variant_id",
                        column: x => x.variant_id,
                        principalTable: "catalog_variant",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_variant_price",
                columns: table => new
                {
                    variant_id = table.Column<string>(type: "TEXT", nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_variant_price", x => new { x.variant_id, x.currency_code });
                    table.ForeignKey(
                        name: "fk_catalog_variant_price_catalog_variant_variant_id",
                        column: x => x.variant_id,
                        principalTable: "catalog_variant",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_attribute_key",
                table: "catalog_attribute",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_handle",
                table: "catalog_category",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_parent_id",
                table: "catalog_category",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_path",
                table: "catalog_category",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_collection_handle",
                table: "catalog_collection",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_external_id",
                table: "catalog_product",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_handle",
                table: "catalog_product",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_status_title_sort_id",
                table: "catalog_product",
                columns: new[] { "status", "title_sort", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_attribute_key_value",
                table: "catalog_product_attribute",
                columns: new[] { "key", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_category_category_id_product_id",
                table: "catalog_product_category",
                columns: new[] { "category_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_collection_collection_id_product_id",
                table: "catalog_product_collection",
                columns: new[] { "collection_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_media_product_id_position",
                table: "catalog_product_media",
                columns: new[] { "product_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_option_product_id_name",
                table: "catalog_product_option",
                columns: new[] { "product_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_price_summary_currency_code_max_amount_product_id",
                table: "catalog_product_price_summary",
                columns: new[] { "currency_code", "max_amount", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_price_summary_currency_code_min_amount_product_id",
                table: "catalog_product_price_summary",
                columns: new[] { "currency_code", "min_amount", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_sales_channel_sales_channel_id_product_id",
                table: "catalog_product_sales_channel",
                columns: new[] { "sales_channel_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_tag_value_product_id",
                table: "catalog_product_tag",
                columns: new[] { "value", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variant_product_id",
                table: "catalog_variant",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variant_sku",
                table: "catalog_variant",
                column: "sku",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variant_option_value_filter_key",
                table: "catalog_variant_option_value",
                column: "filter_key");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variant_price_currency_code_amount",
                table: "catalog_variant_price",
                columns: new[] { "currency_code", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_channels_publishable_key_sales_channel_id",
                table: "channels_publishable_key",
                column: "sales_channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_channels_publishable_key_token",
                table: "channels_publishable_key",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_api_key_secret_hash",
                table: "identity_api_key",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regions_region_country_region_id",
                table: "regions_region_country",
                column: "region_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_attribute");

            migrationBuilder.DropTable(
                name: "catalog_product_attribute");

            migrationBuilder.DropTable(
                name: "catalog_product_category");

            migrationBuilder.DropTable(
                name: "catalog_product_collection");

            migrationBuilder.DropTable(
                name: "catalog_product_media");

            migrationBuilder.DropTable(
                name: "catalog_product_option");

            migrationBuilder.DropTable(
                name: "catalog_product_price_summary");

            migrationBuilder.DropTable(
                name: "catalog_product_sales_channel");

            migrationBuilder.DropTable(
                name: "catalog_product_tag");

            migrationBuilder.DropTable(
                name: "catalog_variant_option_value");

            migrationBuilder.DropTable(
                name: "catalog_variant_price");

            migrationBuilder.DropTable(
                name: "channels_publishable_key");

            migrationBuilder.DropTable(
                name: "identity_api_key");

            migrationBuilder.DropTable(
                name: "inventory_stock_location");

            migrationBuilder.DropTable(
                name: "regions_region_country");

            migrationBuilder.DropTable(
                name: "catalog_category");

            migrationBuilder.DropTable(
                name: "catalog_collection");

            migrationBuilder.DropTable(
                name: "catalog_variant");

            migrationBuilder.DropTable(
                name: "channels_sales_channel");

            migrationBuilder.DropTable(
                name: "regions_region");

            migrationBuilder.DropTable(
                name: "catalog_product");
        }
    }
}
