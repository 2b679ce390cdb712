using AsyncCommerce.Inventory;

namespace AsyncCommerce.Orchestrations.Tests.Inventory;

public sealed class StockLinesTests
{
    [Fact]
    public void PerSku_TwoLinesForOneSku_SumsThemIntoOne()
    {
        var lines = StockLines.PerSku([new StockLine("SKU-1001", 2), new StockLine("SKU-1002", 1), new StockLine("SKU-1001", 3)]);

        Assert.Equal([new StockLine("SKU-1001", 5), new StockLine("SKU-1002", 1)], lines);
    }

    [Fact]
    public void PerSku_NoLines_Throws() =>
        Assert.Throws<ArgumentException>(() => StockLines.PerSku([]));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PerSku_LineWithoutAPositiveQuantity_Throws(int quantity) =>
        Assert.Throws<ArgumentException>(() => StockLines.PerSku([new StockLine("SKU-1001", quantity)]));
}
