using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    values = table.Column<List<string>>(type: "text[]", nullable: false),
                    filterable = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_attribute", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_category",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true, collation: "C"),
                    parent_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    position = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_collection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    title_sort = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    subtitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true, collation: "C"),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    product_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    meta_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "C"),
                    meta_description = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true, collation: "C"),
                    metadata = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: true, collation: "C"),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channels_sales_channel",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels_sales_channel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_api_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    redacted = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_api_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_stock_location",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true, collation: "C"),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_stock_location", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions_region",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    tax_rate_basis_points = table.Column<int>(type: "integer", nullable: false),
                    prices_include_tax = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions_region", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_product_attribute",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    number_value = table.Column<double>(type: "double precision", nullable: true)
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
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    category_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C")
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
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    collection_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C")
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false, collation: "C"),
                    alt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    position = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    position = table.Column<int>(type: "integer", nullable: false),
                    values = table.Column<List<string>>(type: "text[]", nullable: false)
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
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    min_amount = table.Column<long>(type: "bigint", nullable: false),
                    max_amount = table.Column<long>(type: "bigint", nullable: false)
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
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    sales_channel_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C")
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
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    product_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    barcode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    weight_grams = table.Column<int>(type: "integer", nullable: true),
                    manage_inventory = table.Column<bool>(type: "boolean", nullable: false),
                    allow_backorder = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    sales_channel_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, collation: "C"),
                    region_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C")
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
                    variant_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    option_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    filter_key = table.Column<string>(type: "character varying(151)", maxLength: 151, nullable: false, collation: "C")
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
                    variant_id = table.Column<string>(type: "character varying(40)", nullable: false, collation: "C"),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    amount = table.Column<long>(type: "bigint", nullable: false)
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
                name: "ix_catalog_product_price_summary_currency_code_max_amount_prod",
                table: "catalog_product_price_summary",
                columns: new[] { "currency_code", "max_amount", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_price_summary_currency_code_min_amount_prod",
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
