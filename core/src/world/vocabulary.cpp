// The demo store's vocabulary: seven categories of a mid-market online store, each with the
// colors, materials, invented brands, title adjectives and description templates its products are
// written from, plus the misspellings shoppers type into search. All of it is data.
#include "world/vocabulary.h"

#include <string>
#include <vector>

namespace merch::world {

namespace {

// Google product taxonomy paths used by more than one subcategory.
const char* const kShirtsTops = "Apparel & Accessories > Clothing > Shirts & Tops";
const char* const kShoes = "Apparel & Accessories > Shoes";
const char* const kCoffee = "Food, Beverages & Tobacco > Beverages > Coffee";
const char* const kSupplements =
    "Health & Beauty > Health Care > Fitness & Nutrition > Vitamins & Supplements";
const char* const kSkinCare = "Health & Beauty > Personal Care > Cosmetics > Skin Care";

// One subcategory: page name, product noun, shopper synonyms, median list price (USD), sigma of
// log price, relative weight in the category, days one unit lasts (consumables; 0 otherwise) and
// Google product taxonomy path.
SubcategorySpec sub(const char* name, const char* noun, const std::vector<std::string>& synonyms,
                    double priceMedian, double priceSpread, double weight, double cycleDays,
                    const char* googleCategory) {
    return {.name = name,
            .noun = noun,
            .synonyms = synonyms,
            .priceMedian = priceMedian,
            .priceSpread = priceSpread,
            .weight = weight,
            .cycleDays = cycleDays,
            .googleCategory = googleCategory};
}

CategorySpec apparel() {
    return {
        .name = "Apparel",
        .productShare = 0.28,
        .trafficShare = 0.30,
        .hasSizes = true,
        .hasColorVariants = true,
        .sizes = {"XS", "S", "M", "L", "XL", "XXL"},
        .colors = {"Black", "White", "Heather Grey", "Charcoal", "Navy", "Olive", "Oatmeal", "Sand",
                   "Rust", "Forest Green", "Burgundy", "Dusty Blue", "Cream"},
        .materials = {"Organic Cotton", "Cotton Jersey", "French Terry", "Merino Wool", "Linen",
                      "Recycled Polyester", "Brushed Fleece", "Cotton Twill", "Tencel Lyocell",
                      "Cashmere Blend"},
        .brands = {"Harrow Lane", "Tidewell Supply", "Ferncastle", "Oakhollow Goods",
                   "Bramble & Finch", "Kestrel Row", "Lowmoor", "Quill & Pine",
                   "Saltmarsh Clothing", "Corriedale Works"},
        .adjectives = {"Relaxed", "Classic", "Everyday", "Heavyweight", "Lightweight", "Organic",
                       "Slim", "Oversized", "Vintage-Wash", "Garment-Dyed", "Essential", "Cropped",
                       "Brushed", "Recycled"},
        .descriptionLines =
            {"The {adjective} {noun} from {brand} is cut from {material} for an easy, lived-in "
             "feel.",
             "{brand} makes this {noun} in {material} that is soft from the first wear and softer "
             "with every wash.",
             "Shown here in {color}, a shade that works with almost everything already in your "
             "closet.",
             "A {adjective} fit through the body and sleeves keeps the {noun} comfortable from "
             "morning to night.",
             "The {material} is pre-washed, so expect minimal shrinkage and no stiff break-in.",
             "Reinforced seams and a double-needle hem help this {noun} hold its shape season "
             "after season.",
             "Machine wash cold with like colors and tumble dry low to keep the {color} looking "
             "rich.",
             "Designed in-house by {brand} and sewn in a family-run factory we visit every year.",
             "Between sizes? Size up for a roomier fit; our model is 6'1\" and wears a medium.",
             "Layer the {color} {noun} under a jacket or wear it on its own on warmer days."},
        .subcategories =
            {
                sub("T-Shirts", "T-Shirt", {"tee", "tshirt", "crew neck"}, 28.0, 0.25, 1.6, 0.0,
                    kShirtsTops),
                sub("Hoodies", "Hoodie", {"sweatshirt", "hoody", "pullover"}, 65.0, 0.30, 1.0, 0.0,
                    kShirtsTops),
                sub("Sweaters", "Sweater", {"jumper", "knitwear", "cardigan"}, 85.0, 0.35, 0.8, 0.0,
                    kShirtsTops),
                sub("Pants", "Pant", {"trousers", "chinos", "joggers"}, 72.0, 0.30, 1.0, 0.0,
                    "Apparel & Accessories > Clothing > Pants"),
                sub("Jackets", "Jacket", {"coat", "outerwear", "overshirt"}, 140.0, 0.40, 0.7, 0.0,
                    "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets"),
                sub("Shorts", "Short", {"chino shorts", "gym shorts", "cutoffs"}, 45.0, 0.30, 0.7,
                    0.0, "Apparel & Accessories > Clothing > Shorts"),
                sub("Dresses", "Dress", {"sundress", "midi dress", "slip dress"}, 88.0, 0.35, 0.8,
                    0.0, "Apparel & Accessories > Clothing > Dresses"),
                sub("Socks", "Sock", {"crew socks", "ankle socks", "no show socks"}, 14.0, 0.25,
                    0.6, 0.0, "Apparel & Accessories > Clothing > Underwear & Socks > Socks"),
            },
    };
}

CategorySpec footwear() {
    return {
        .name = "Footwear",
        .productShare = 0.10,
        .trafficShare = 0.12,
        .hasSizes = true,
        .hasColorVariants = true,
        .sizes = {"6", "7", "8", "9", "10", "11", "12"},
        .colors = {"Black", "White", "Off-White", "Bone", "Tan", "Cognac", "Chocolate Brown",
                   "Grey", "Navy", "Olive", "Sand"},
        .materials = {"Full-Grain Leather", "Suede", "Nubuck", "Recycled Knit", "Canvas",
                      "Waxed Leather", "Shearling", "Natural Rubber", "Cork"},
        .brands = {"Pathwright", "Cobble & Stride", "Greyfield Shoe Co.", "Lanternfoot",
                   "Stepwell & Sons", "Arden Trail", "Harlan Cobb", "Morrow Last",
                   "Fellside Footwear"},
        .adjectives = {"Classic", "Everyday", "Lightweight", "Waterproof", "Cushioned", "Low-Top",
                       "High-Top", "Minimalist", "Handmade", "Weatherproof", "Padded", "Retro"},
        .descriptionLines =
            {"The {adjective} {noun} from {brand} sits on a cushioned footbed that feels broken "
             "in from day one.",
             "Uppers in {material} age beautifully and pick up character with every wear.",
             "The {color} colorway dresses up or down with equal ease.",
             "A natural rubber outsole gives the {noun} dependable grip on wet city pavement.",
             "Fits true to size; if you are between sizes, we recommend going up.",
             "Each pair of {brand} shoes is stitched by hand in a small workshop in Portugal.",
             "A removable insole leaves room for your own orthotics.",
             "Wipe the {material} clean with a damp cloth and let it air dry away from direct "
             "heat.",
             "Pair the {color} {noun} with denim, chinos or a summer dress."},
        .subcategories =
            {
                sub("Sneakers", "Sneaker", {"trainers", "running shoes", "tennis shoes"}, 110.0,
                    0.30, 1.6, 0.0, kShoes),
                sub("Boots", "Boot", {"chelsea boots", "ankle boots", "work boots"}, 185.0, 0.32,
                    1.1, 0.0, kShoes),
                sub("Sandals", "Sandal", {"slides", "flip flops", "strappy sandals"}, 55.0, 0.35,
                    0.8, 0.0, kShoes),
                sub("Loafers", "Loafer", {"penny loafers", "slip ons", "driving shoes"}, 135.0,
                    0.30, 0.7, 0.0, kShoes),
                sub("Flats", "Flat", {"ballet flats", "mary janes", "pumps"}, 95.0, 0.30, 0.6, 0.0,
                    kShoes),
                sub("Slippers", "Slipper", {"house shoes", "moccasins", "scuffs"}, 60.0, 0.28, 0.5,
                    0.0, kShoes),
            },
    };
}

CategorySpec coffee() {
    return {
        .name = "Coffee",
        .productShare = 0.10,
        .trafficShare = 0.08,
        .sizes = {},
        .colors = {},
        .materials = {"Ethiopia Yirgacheffe", "Colombia Huila", "Guatemala Antigua", "Kenya Nyeri",
                      "Brazil Cerrado", "Sumatra Mandheling", "Costa Rica Tarrazu",
                      "Honduras Marcala", "Peru Cajamarca", "House Espresso Blend"},
        .brands = {"Kettle & Crane", "Ember Ridge Roasters", "Slow Hollow Coffee",
                   "Copperleaf Roasting", "Foxglove & Fig", "Crescent Kiln Roastery",
                   "Tamarack Coffee", "Driftline Roasters", "Oxbow Bean Works", "Lark & Lantern"},
        .adjectives = {"Single-Origin", "Small-Batch", "Organic", "Fair Trade", "Light Roast",
                       "Medium Roast", "Dark Roast", "Bright", "Chocolatey", "Smooth", "Bold",
                       "Washed", "Natural-Process", "Seasonal"},
        .descriptionLines =
            {"Our {adjective} {noun} starts with green coffee from {material}, roasted in small "
             "batches by {brand}.",
             "Expect notes of milk chocolate, ripe stone fruit and a clean, sweet finish.",
             "{brand} roasts to order every Monday and Thursday, so your bag ships within days of "
             "roasting.",
             "This {material} lot was grown at high altitude and hand-sorted before export.",
             "Brew it as a pour-over to bring out its brightness, or in a French press for more "
             "body.",
             "Packed in a resealable bag with a one-way valve that keeps the {noun} fresh for "
             "weeks.",
             "Subscribe and save 10% on every delivery; skip or pause any time.",
             "Direct-trade sourcing means the farmers behind this {noun} earn well above "
             "commodity prices.",
             "A {adjective} cup that stands up to milk and still shines when you drink it black."},
        .subcategories =
            {
                sub("Whole Bean Coffee", "Whole Bean Coffee",
                    {"coffee beans", "whole beans", "beans"}, 18.0, 0.22, 2.0, 21.0, kCoffee),
                sub("Ground Coffee", "Ground Coffee",
                    {"pre-ground coffee", "drip coffee", "filter coffee"}, 17.0, 0.22, 1.3, 18.0,
                    kCoffee),
                sub("Espresso", "Espresso Roast",
                    {"espresso beans", "espresso blend", "dark roast"}, 19.0, 0.22, 1.0, 16.0,
                    kCoffee),
                sub("Decaf", "Decaf Coffee",
                    {"decaffeinated coffee", "swiss water decaf", "half caff"}, 19.0, 0.20, 0.6,
                    28.0, kCoffee),
                sub("Cold Brew", "Cold Brew Pack",
                    {"cold brew coffee", "iced coffee", "cold brew concentrate"}, 22.0, 0.25, 0.5,
                    14.0, kCoffee),
                sub("Coffee Pods", "Coffee Pod",
                    {"coffee capsules", "compostable pods", "single serve"}, 16.0, 0.25, 0.6, 14.0,
                    kCoffee),
            },
    };
}

CategorySpec supplements() {
    return {
        .name = "Supplements",
        .productShare = 0.10,
        .trafficShare = 0.09,
        .sizes = {},
        .colors = {},
        .materials = {"Whey Isolate", "Pea Protein", "Magnesium Glycinate", "Creatine Monohydrate",
                      "Vitamin D3", "Omega-3 Fish Oil", "Ashwagandha", "Collagen Peptides",
                      "Probiotic Blend", "Spirulina"},
        .brands = {"Vital Kin", "Truebearing Nutrition", "Meadowlark Wellness", "Peakwell Labs",
                   "Daybreak Botanics", "Cedarline Nutrition", "Ironbark Supplements",
                   "Haven & Hale", "Greenmarrow Labs", "Summit Grove"},
        .adjectives = {"Unflavored", "Vanilla", "Chocolate", "Grass-Fed", "Vegan", "Clean", "Daily",
                       "Third-Party Tested", "Sugar-Free", "Non-GMO", "Gluten-Free", "Advanced",
                       "Everyday"},
        .descriptionLines =
            {"{brand} {noun} is built around {material}, dosed at the amounts used in clinical "
             "research.",
             "Every batch is third-party tested for purity and heavy metals before it leaves our "
             "facility.",
             "No artificial sweeteners, fillers or proprietary blends: just {material} and exactly "
             "what the label says.",
             "Take one serving daily with food, or as directed by your healthcare provider.",
             "A {adjective} formula that fits into the routine you already have.",
             "Made in a GMP-certified facility in the USA and packed in a recyclable pouch.",
             "Subscribe and your {noun} arrives before you run out, with 15% off every order.",
             "Most customers notice a difference within the first few weeks of consistent use.",
             "Our {adjective} {noun} is the one the {brand} team takes every day.",
             "These statements have not been evaluated by the Food and Drug Administration."},
        .subcategories =
            {
                sub("Protein Powders", "Protein Powder",
                    {"whey protein", "protein shake", "plant protein"}, 45.0, 0.28, 1.8, 30.0,
                    kSupplements),
                sub("Multivitamins", "Multivitamin",
                    {"daily vitamins", "multi vitamin", "vitamin gummies"}, 28.0, 0.30, 1.2, 60.0,
                    kSupplements),
                sub("Collagen", "Collagen Powder",
                    {"collagen peptides", "collagen supplement", "beauty powder"}, 42.0, 0.25, 0.9,
                    30.0, kSupplements),
                sub("Omega-3", "Fish Oil", {"omega 3", "fish oil pills", "dha"}, 30.0, 0.25, 0.7,
                    45.0, kSupplements),
                sub("Probiotics", "Probiotic", {"gut health", "probiotic capsules", "prebiotic"},
                    38.0, 0.30, 0.8, 30.0, kSupplements),
                sub("Electrolytes", "Electrolyte Mix",
                    {"hydration powder", "electrolyte drink mix", "sports drink"}, 32.0, 0.25, 0.7,
                    30.0,
                    "Health & Beauty > Health Care > Fitness & Nutrition > Nutrition Drinks & "
                    "Shakes"),
                sub("Sleep Support", "Sleep Supplement",
                    {"melatonin", "sleep aid", "magnesium for sleep"}, 30.0, 0.25, 0.6, 45.0,
                    kSupplements),
                sub("Greens Powders", "Greens Powder",
                    {"superfood powder", "greens blend", "green juice powder"}, 50.0, 0.30, 0.5,
                    30.0, kSupplements),
            },
    };
}

CategorySpec beauty() {
    return {
        .name = "Beauty",
        .productShare = 0.14,
        .trafficShare = 0.15,
        .sizes = {},
        .colors = {"Nude", "Rose", "Berry", "Coral", "Mauve", "Terracotta", "Blush", "Clear",
                   "Classic Red", "Sheer Peach"},
        .materials = {"Hyaluronic Acid", "Niacinamide", "Vitamin C", "Retinol", "Squalane",
                      "Ceramides", "Salicylic Acid", "Shea Butter", "Argan Oil", "Zinc Oxide"},
        .brands = {"Dewhaven", "Lantern & Leaf", "Petal Theory", "Solace Skin", "Verity Botanics",
                   "Halcyon Apothecary", "Bright Field Beauty", "Marrow & Moss", "Moonmeadow",
                   "Fernlight"},
        .adjectives = {"Hydrating", "Brightening", "Gentle", "Fragrance-Free", "Clean", "Vegan",
                       "Nourishing", "Daily", "Lightweight", "Soothing", "Clarifying", "Overnight",
                       "Mineral", "Restorative"},
        .descriptionLines =
            {"Our {adjective} {noun} pairs {material} with a short list of ingredients your skin "
             "actually needs.",
             "{material} helps skin hold on to moisture, so it looks plumper and feels "
             "comfortable all day.",
             "Dermatologist-tested and suitable for sensitive skin; free of parabens, sulfates "
             "and synthetic dyes.",
             "Formulated by {brand} in small batches and never tested on animals.",
             "A {adjective} texture that absorbs quickly without leaving a greasy film.",
             "Packed in recyclable glass with a pump that dispenses just the right amount.",
             "Reviewers with dry and combination skin call this {noun} their holy grail.",
             "Pair it with the rest of the {brand} routine for best results.",
             "Use it morning and night, and finish with sunscreen during the day.",
             "Patch test before first use and discontinue if irritation occurs."},
        .subcategories =
            {
                sub("Serums", "Serum", {"face serum", "vitamin c serum", "facial oil"}, 32.0, 0.35,
                    1.3, 60.0, kSkinCare),
                sub("Moisturizers", "Moisturizer", {"face cream", "day cream", "hydrating cream"},
                    38.0, 0.35, 1.2, 60.0,
                    "Health & Beauty > Personal Care > Cosmetics > Skin Care > Lotion & "
                    "Moisturizer"),
                sub("Cleansers", "Cleanser", {"face wash", "cleansing balm", "facial cleanser"},
                    26.0, 0.30, 1.0, 50.0,
                    "Health & Beauty > Personal Care > Cosmetics > Skin Care > Facial Cleansers"),
                sub("Sunscreens", "Sunscreen", {"spf", "sunblock", "sun cream"}, 30.0, 0.30, 0.7,
                    60.0, "Health & Beauty > Personal Care > Cosmetics > Skin Care > Sunscreen"),
                sub("Shampoo & Conditioner", "Shampoo",
                    {"conditioner", "hair wash", "sulfate free shampoo"}, 28.0, 0.30, 0.9, 45.0,
                    "Health & Beauty > Personal Care > Hair Care > Shampoo & Conditioner"),
                sub("Body Wash", "Body Wash", {"shower gel", "body soap", "bath gel"}, 22.0, 0.25,
                    0.7, 45.0,
                    "Health & Beauty > Personal Care > Cosmetics > Bath & Body > Body Wash"),
                sub("Lip Care", "Lip Balm", {"chapstick", "lip treatment", "tinted balm"}, 16.0,
                    0.30, 0.6, 0.0,
                    "Health & Beauty > Personal Care > Cosmetics > Skin Care > Lip Balms & "
                    "Treatments > Lip Balms"),
                sub("Fragrance", "Eau de Parfum", {"perfume", "cologne", "scent"}, 85.0, 0.40, 0.5,
                    0.0, "Health & Beauty > Personal Care > Cosmetics > Perfume & Cologne"),
            },
    };
}

CategorySpec home() {
    return {
        .name = "Home",
        .productShare = 0.16,
        .trafficShare = 0.13,
        .sizes = {},
        .colors = {"White", "Ivory", "Natural", "Oatmeal", "Stone", "Charcoal", "Black", "Sage",
                   "Terracotta", "Slate Blue", "Ochre", "Blush"},
        .materials = {"Stoneware", "Soy Wax", "Coconut Wax", "Cotton Canvas", "Belgian Linen",
                      "Wool", "Turkish Cotton", "Ceramic", "Recycled Glass", "Mango Wood"},
        .brands = {"Hearth & Hollow", "Stillroom Home", "Wren & Thistle", "Alder House",
                   "Ashby Mill", "Linden Loft", "Clayborne Studio", "Saltbox Home", "Mossglen",
                   "Fairhaven Goods"},
        .adjectives = {"Handmade", "Cozy", "Modern", "Rustic", "Minimalist", "Woven", "Textured",
                       "Hand-Poured", "Stonewashed", "Oversized", "Glazed", "Chunky", "Scented",
                       "Heirloom"},
        .descriptionLines =
            {"The {adjective} {noun} from {brand} brings a little warmth to any room.",
             "Made from {material} by small makers who have been at their craft for decades.",
             "Its {color} finish sits quietly next to wood, linen and plenty of houseplants.",
             "Every {noun} is finished by hand, so small variations make yours one of a kind.",
             "{brand} chose {material} for how it looks and feels after years of daily use.",
             "A {adjective} piece that makes an easy housewarming or hostess gift.",
             "Wrapped in recycled paper and shipped plastic-free.",
             "Style the {color} {noun} on its own or layer it with the rest of the collection.",
             "Care is simple: spot clean or wash gently, and it only gets better with age."},
        .subcategories =
            {
                sub("Candles", "Candle", {"scented candle", "soy candle", "candle jar"}, 28.0, 0.30,
                    1.6, 0.0, "Home & Garden > Decor > Home Fragrances > Candles"),
                sub("Diffusers", "Reed Diffuser",
                    {"oil diffuser", "room fragrance", "diffuser sticks"}, 36.0, 0.30, 0.6, 0.0,
                    "Home & Garden > Decor > Home Fragrances"),
                sub("Throw Blankets", "Throw Blanket", {"throw", "knit blanket", "sofa blanket"},
                    85.0, 0.35, 1.0, 0.0, "Home & Garden > Linens & Bedding > Bedding > Blankets"),
                sub("Throw Pillows", "Throw Pillow", {"cushion", "pillow cover", "accent pillow"},
                    45.0, 0.30, 1.0, 0.0, "Home & Garden > Decor > Throw Pillows"),
                sub("Mugs", "Mug", {"coffee mug", "cup", "tea cup"}, 24.0, 0.25, 0.9, 0.0,
                    "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs"),
                sub("Vases", "Vase", {"flower vase", "bud vase", "vessel"}, 48.0, 0.40, 0.7, 0.0,
                    "Home & Garden > Decor > Vases"),
                sub("Bath Towels", "Bath Towel", {"towel set", "bath sheet", "hand towel"}, 38.0,
                    0.30, 0.7, 0.0,
                    "Home & Garden > Linens & Bedding > Towels > Bath Towels & Washcloths"),
                sub("Bed Sheets", "Sheet Set", {"sheets", "bedding", "fitted sheet"}, 140.0, 0.35,
                    0.6, 0.0, "Home & Garden > Linens & Bedding > Bedding > Bed Sheets"),
            },
    };
}

CategorySpec accessories() {
    return {
        .name = "Accessories",
        .productShare = 0.12,
        .trafficShare = 0.13,
        .hasColorVariants = true,
        .sizes = {},
        .colors = {"Black", "Cognac", "Tan", "Espresso Brown", "Navy", "Olive", "Burgundy", "Gold",
                   "Silver", "Rose Gold", "Tortoiseshell", "Natural"},
        .materials = {"Full-Grain Leather", "Vegetable-Tanned Leather", "Waxed Canvas",
                      "Recycled Nylon", "Stainless Steel", "14k Gold Vermeil", "Sterling Silver",
                      "Brass", "Acetate", "Wool Felt"},
        .brands = {"Cordwain & Co.", "Fennick", "Marlow Atelier", "Brasswick", "Otterburn Leather",
                   "Halden Goods", "Selby & Vane", "Tallow Row", "Wickham Forge"},
        .adjectives = {"Classic", "Minimalist", "Slim", "Everyday", "Handcrafted", "Vintage",
                       "Polished", "Waterproof", "Heirloom", "Modern", "Dainty", "Oversized",
                       "Travel"},
        .descriptionLines =
            {"The {adjective} {noun} from {brand} is made from {material} and built to be used "
             "every day for years.",
             "{material} develops a rich patina over time, so no two pieces age quite the same.",
             "In {color}, it moves easily between a work wardrobe and a weekend one.",
             "Hand-finished edges and solid hardware mean this {noun} is made to last.",
             "Every {brand} piece arrives in a recycled gift box, ready to give.",
             "Backed by our lifetime warranty against defects in materials and workmanship.",
             "A {adjective} profile that does the job without adding bulk.",
             "Pair the {color} {noun} with the rest of your everyday carry.",
             "Wipe clean with a soft, dry cloth and keep it away from perfume and standing "
             "water."},
        .subcategories =
            {
                sub("Wallets", "Wallet", {"billfold", "card holder", "money clip"}, 45.0, 0.30, 1.2,
                    0.0,
                    "Apparel & Accessories > Handbags, Wallets & Cases > Wallets & Money Clips"),
                sub("Watches", "Watch", {"wristwatch", "analog watch", "automatic watch"}, 160.0,
                    0.45, 0.8, 0.0, "Apparel & Accessories > Jewelry > Watches"),
                sub("Backpacks", "Backpack", {"rucksack", "daypack", "laptop bag"}, 95.0, 0.35, 0.8,
                    0.0, "Luggage & Bags > Backpacks"),
                sub("Necklaces", "Necklace", {"pendant", "chain", "choker"}, 58.0, 0.40, 1.0, 0.0,
                    "Apparel & Accessories > Jewelry > Necklaces"),
                sub("Earrings", "Earrings", {"studs", "hoops", "huggies"}, 42.0, 0.40, 1.0, 0.0,
                    "Apparel & Accessories > Jewelry > Earrings"),
                sub("Sunglasses", "Sunglasses", {"shades", "sunnies", "polarized sunglasses"}, 75.0,
                    0.35, 0.7, 0.0, "Apparel & Accessories > Clothing Accessories > Sunglasses"),
                sub("Belts", "Belt", {"leather belt", "dress belt", "casual belt"}, 55.0, 0.30, 0.6,
                    0.0, "Apparel & Accessories > Clothing Accessories > Belts"),
                sub("Hats", "Hat", {"cap", "beanie", "baseball cap"}, 34.0, 0.30, 0.7, 0.0,
                    "Apparel & Accessories > Clothing Accessories > Hats"),
            },
    };
}

} // namespace

const std::vector<CategorySpec>& demoCategories() {
    static const std::vector<CategorySpec> categories = {
        apparel(), footwear(), coffee(), supplements(), beauty(), home(), accessories()};
    return categories;
}

const std::vector<std::pair<std::string, std::string>>& commonMisspellings() {
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        // apparel
        {"hoodie", "hoddie"},
        {"sweatshirt", "sweatshrit"},
        {"sweater", "sweator"},
        {"t-shirt", "t-shrit"},
        {"trousers", "trowsers"},
        {"jacket", "jaket"},
        {"cardigan", "cardigen"},
        {"socks", "sokcs"},
        {"merino", "marino"},
        {"cashmere", "cashmire"},
        {"heather", "hether"},
        {"burgundy", "burgandy"},
        // footwear
        {"sneakers", "sneekers"},
        {"trainers", "trainners"},
        {"loafers", "lofers"},
        {"sandals", "sandles"},
        {"slippers", "slipers"},
        {"chelsea", "chelsae"},
        {"moccasins", "mocassins"},
        {"suede", "suade"},
        {"leather", "lether"},
        // coffee
        {"espresso", "expresso"},
        {"decaf", "decafe"},
        {"decaffeinated", "decafinated"},
        {"colombia", "columbia"},
        {"ethiopia", "ethiopa"},
        {"yirgacheffe", "yirgachefe"},
        {"guatemala", "guatamala"},
        {"sumatra", "sumartra"},
        // supplements
        {"protein", "protien"},
        {"creatine", "creatin"},
        {"collagen", "colagen"},
        {"probiotic", "probotic"},
        {"electrolyte", "electrolite"},
        {"magnesium", "magnesuim"},
        {"ashwagandha", "ashwaganda"},
        {"multivitamin", "multivitamen"},
        {"melatonin", "melatonine"},
        {"spirulina", "spirolina"},
        // beauty
        {"moisturizer", "moisturiser"},
        {"moisturizer", "moisturzer"},
        {"serum", "seurm"},
        {"cleanser", "cleanzer"},
        {"hyaluronic", "hyularonic"},
        {"niacinamide", "niacinimide"},
        {"sunscreen", "sunsceen"},
        {"shampoo", "shampo"},
        {"conditioner", "conditoner"},
        {"perfume", "perfum"},
        // home
        {"candles", "candels"},
        {"diffuser", "difuser"},
        {"blanket", "blankit"},
        {"pillow", "pilow"},
        {"cushion", "cushon"},
        {"towel", "towl"},
        {"linen", "linnen"},
        {"stoneware", "stonewear"},
        {"terracotta", "teracotta"},
        // accessories
        {"necklace", "neckless"},
        {"earrings", "earings"},
        {"wallet", "walet"},
        {"sunglasses", "sunglases"},
        {"backpack", "backpak"},
        {"beanie", "beenie"},
        {"tortoiseshell", "tortiseshell"},
        {"polarized", "polorized"},
        {"accessories", "accesories"}};
    return pairs;
}

} // namespace merch::world
