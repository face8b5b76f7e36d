using Mercato.Kernel.Persistence;
using Npgsql;

namespace Mercato.UnitTests.Kernel;

public class DatabaseSettingsTests
{
    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var csb = new NpgsqlConnectionStringBuilder(MercatoDbOptions.NormalizePostgres("Host=db;Database=shop;Username=app"));
        Assert.Equal(128, csb.MaxAutoPrepare);
        Assert.Equal(2, csb.AutoPrepareMinUsages);
        Assert.True(csb.NoResetOnClose);
    }

    [Fact]
    public void Resetting_pooled_connections_can_be_asked_for_in_the_connection_string()
    {
        var csb = new NpgsqlConnectionStringBuilder(MercatoDbOptions.NormalizePostgres("Host=db;No Reset On Close=false"));
        Assert.False(csb.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;maxautoprepare=20;Auto Prepare Min Usages=5", 20, 5)]
    public void A_preparation_setting_in_the_connection_string_is_kept(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var csb = new NpgsqlConnectionStringBuilder(MercatoDbOptions.NormalizePostgres(connectionString));
        Assert.Equal(maxAutoPrepare, csb.MaxAutoPrepare);
        Assert.Equal(minUsages, csb.AutoPrepareMinUsages);
    }
}
