-- niaga demo data: a small Malaysian store, priced in ringgit.
--
-- Run on a fresh database right after CREATE EXTENSION niaga:
--   psql -v ON_ERROR_STOP=1 -d <db> -f scripts/demo-data.sql
--
-- Every row has a fixed uuid so that other scripts can refer to it. The first
-- eight hex digits name the table, the last twelve count its rows:
--   10000000-...  auth.users                 11000000-...  crm.customer_profiles
--   12000000-...  crm.addresses              13000000-...  crm.wishlists
--   20000000-...  catalog.brands             21000000-...  catalog.categories
--   22000000-...  catalog.products           23000000-...  catalog.product_variants
--   24000000-...  catalog.product_images     25000000-...  catalog.attributes
--   26000000-...  catalog.attribute_values   27000000-...  catalog.variant_options
--   28000000-...  catalog.variant_option_values
--   30000000-...  inventory.warehouses       31000000-...  inventory.stock_items
--   inventory.stock_movements are written by inventory.receive_stock (random ids)
--   50000000-...  sales.tax_rates            51000000-...  sales.shipping_methods
--   52000000-...  sales.coupons
--   60000000-...  agent.agents               61000000-...  agent.targets
--
-- There are no orders, carts, payments or coupon usages: those come from the
-- checkout functions. Every stock item is opened with one 'receive' movement
-- of its whole quantity, so the ledger (sum of movements = quantity) holds.

BEGIN;

-- ---------------------------------------------------------------------------
-- auth: staff, agents and customers. The database never sees passwords; every
-- user carries the same bcrypt-shaped placeholder, which matches no password.
-- ---------------------------------------------------------------------------

INSERT INTO auth.users (id, email, password_hash, first_name, last_name, phone, role, status, email_verified_at)
VALUES
    ('10000000-0000-0000-0000-000000000001', 'admin@niaga.example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Farid', 'Hakimi', '+60123000001', 'admin', 'active', now()),
    ('10000000-0000-0000-0000-000000000002', 'hafiz.rahman@niaga.example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Hafiz', 'Rahman', '+60123000002', 'agent', 'active', now()),
    ('10000000-0000-0000-0000-000000000003', 'lim.weiling@niaga.example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Wei Ling', 'Lim', '+60123000003', 'agent', 'active', now()),
    ('10000000-0000-0000-0000-000000000004', 'muthu.krishnan@niaga.example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Muthu', 'Krishnan', '+60123000004', 'warehouse', 'active', now()),
    ('10000000-0000-0000-0000-000000000005', 'nur.aisyah@example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Nur Aisyah', 'Kamal', '+60191234505', 'customer', 'active', now()),
    ('10000000-0000-0000-0000-000000000006', 'tan.meiling@example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Mei Ling', 'Tan', '+60164567806', 'customer', 'active', now()),
    ('10000000-0000-0000-0000-000000000007', 'rajesh.subramaniam@example.net',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Rajesh', 'Subramaniam', '+60177890107', 'customer', 'active', now()),
    ('10000000-0000-0000-0000-000000000008', 'ahmad.faiz@example.org',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Ahmad Faiz', 'Osman', '+60132345608', 'customer', 'active', now()),
    ('10000000-0000-0000-0000-000000000009', 'wong.kahhoe@example.com',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Kah Hoe', 'Wong', '+60125556709', 'customer', 'active', now()),
    -- a new sign-up who has not verified the e-mail address yet
    ('10000000-0000-0000-0000-000000000010', 'priya.ramasamy@example.net',
     '$2b$12$niaga.demo.salt.only.uPlaceholderHashNotARealPassword',
     'Priya', 'Ramasamy', '+60142223310', 'customer', 'active', NULL);

-- ---------------------------------------------------------------------------
-- crm: a profile and a default address for every customer, some wishlists.
-- ---------------------------------------------------------------------------

INSERT INTO crm.customer_profiles (id, user_id, date_of_birth, gender, customer_group, notes, tags)
VALUES
    ('11000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000005',
     '1992-04-18', 'female', 'vip', 'Buys baju kurung every Raya season', '{raya,pakaian}'),
    ('11000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000006',
     '1988-11-02', 'female', 'regular', NULL, '{kopi}'),
    ('11000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000007',
     '1985-07-23', 'male', 'wholesale', 'Runs a mini market in Johor Bahru; invoices on company name',
     '{borong,makanan}'),
    ('11000000-0000-0000-0000-000000000004', '10000000-0000-0000-0000-000000000008',
     '1995-01-30', 'male', 'regular', NULL, '{}'),
    ('11000000-0000-0000-0000-000000000005', '10000000-0000-0000-0000-000000000009',
     '1979-09-09', 'male', 'vip', 'Prefers express delivery', '{kopi,ipoh}'),
    ('11000000-0000-0000-0000-000000000006', '10000000-0000-0000-0000-000000000010',
     '2000-06-12', 'female', 'regular', NULL, '{pelanggan-baru}')
-- every customer user already has an empty profile (made by a trigger with
-- the user): fill it in, under the demo's fixed id
ON CONFLICT (user_id) DO UPDATE
SET id = EXCLUDED.id,
    date_of_birth = EXCLUDED.date_of_birth,
    gender = EXCLUDED.gender,
    customer_group = EXCLUDED.customer_group,
    notes = EXCLUDED.notes,
    tags = EXCLUDED.tags;

-- One default address per customer (the insert trigger would clear an older
-- default, so each user gets exactly one row with is_default).
INSERT INTO crm.addresses (id, user_id, label, recipient_name, phone, address_line1, address_line2,
                           city, state, postcode, is_default)
VALUES
    ('12000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000005', 'Rumah',
     'Nur Aisyah Kamal', '+60191234505', 'No. 23, Jalan Kristal 7/61', 'Seksyen 7',
     'Shah Alam', 'Selangor', '40000', true),
    ('12000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000005', 'Pejabat',
     'Nur Aisyah Kamal', '+60191234505', 'Aras 5, Menara PKNS, Jalan Indah 14/8', 'Seksyen 14',
     'Shah Alam', 'Selangor', '40000', false),
    ('12000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000006', 'Rumah',
     'Tan Mei Ling', '+60164567806', '18, Lorong Burma', 'Pulau Tikus',
     'George Town', 'Pulau Pinang', '10250', true),
    ('12000000-0000-0000-0000-000000000004', '10000000-0000-0000-0000-000000000007', 'Kedai',
     'Rajesh Subramaniam', '+60177890107', 'No. 45, Jalan Harimau Tarum', 'Taman Abad',
     'Johor Bahru', 'Johor', '80250', true),
    ('12000000-0000-0000-0000-000000000005', '10000000-0000-0000-0000-000000000007', 'Rumah',
     'Rajesh Subramaniam', '+60177890107', '12, Jalan Bakawali 3', 'Taman Johor Jaya',
     'Johor Bahru', 'Johor', '81100', false),
    ('12000000-0000-0000-0000-000000000006', '10000000-0000-0000-0000-000000000008', 'Rumah',
     'Ahmad Faiz Osman', '+60132345608', 'B-12-3, Residensi Kerinchi, Jalan Kerinchi', 'Bangsar South',
     'Kuala Lumpur', 'WP Kuala Lumpur', '59200', true),
    ('12000000-0000-0000-0000-000000000007', '10000000-0000-0000-0000-000000000009', 'Rumah',
     'Wong Kah Hoe', '+60125556709', '7, Jalan Sultan Yussuf', NULL,
     'Ipoh', 'Perak', '30000', true),
    ('12000000-0000-0000-0000-000000000008', '10000000-0000-0000-0000-000000000010', 'Rumah',
     'Priya Ramasamy', '+60142223310', '21, Jalan SS 2/75', NULL,
     'Petaling Jaya', 'Selangor', '47300', true);

-- ---------------------------------------------------------------------------
-- catalog: brands, a two-level category tree, products, variants, images,
-- the material attribute and the size / weight variant options.
-- ---------------------------------------------------------------------------

INSERT INTO catalog.brands (id, name, slug, description, logo_url, website_url)
VALUES
    ('20000000-0000-0000-0000-000000000001', 'Seri Warisan', 'seri-warisan',
     'Baju kurung and batik shirts tailored in Kuala Lumpur',
     'https://cdn.niaga.example.com/brands/seri-warisan.png', 'https://seriwarisan.example.com'),
    ('20000000-0000-0000-0000-000000000002', 'Kopitiam Ipoh', 'kopitiam-ipoh',
     'White coffee roasted in palm-oil margarine the Ipoh way',
     'https://cdn.niaga.example.com/brands/kopitiam-ipoh.png', 'https://kopitiamipoh.example.com'),
    ('20000000-0000-0000-0000-000000000003', 'Dapur Mak Tok', 'dapur-mak-tok',
     'Home-style sambal, spice mixes and festive cookies from Kelantan recipes',
     'https://cdn.niaga.example.com/brands/dapur-mak-tok.png', NULL);

-- Parents first: the cycle trigger looks the parent up.
INSERT INTO catalog.categories (id, parent_id, name, slug, description, sort_order, meta_title)
VALUES
    ('21000000-0000-0000-0000-000000000001', NULL, 'Pakaian', 'pakaian',
     'Pakaian tradisional dan moden', 1, 'Pakaian | Niaga'),
    ('21000000-0000-0000-0000-000000000002', NULL, 'Makanan', 'makanan',
     'Makanan dan minuman tempatan', 2, 'Makanan | Niaga');

INSERT INTO catalog.categories (id, parent_id, name, slug, description, sort_order, meta_title)
VALUES
    ('21000000-0000-0000-0000-000000000003', '21000000-0000-0000-0000-000000000001', 'Baju Kurung', 'baju-kurung',
     'Baju kurung moden dan tradisional', 1, 'Baju Kurung | Niaga'),
    ('21000000-0000-0000-0000-000000000004', '21000000-0000-0000-0000-000000000001', 'Kemeja', 'kemeja',
     'Kemeja batik lelaki', 2, 'Kemeja Batik | Niaga'),
    ('21000000-0000-0000-0000-000000000005', '21000000-0000-0000-0000-000000000002', 'Kopi', 'kopi',
     'Kopi putih Ipoh dan biji kopi', 1, 'Kopi | Niaga'),
    ('21000000-0000-0000-0000-000000000006', '21000000-0000-0000-0000-000000000002', 'Rempah', 'rempah',
     'Rempah ratus dan sambal', 2, 'Rempah & Sambal | Niaga'),
    ('21000000-0000-0000-0000-000000000007', '21000000-0000-0000-0000-000000000002', 'Kuih Raya', 'kuih-raya',
     'Kuih raya dalam balang dan kotak hadiah', 3, 'Kuih Raya | Niaga');

INSERT INTO catalog.products (id, sku, name, slug, short_description, description, base_price, compare_price,
                              cost_price, is_featured, has_variants, weight, brand_id, meta_title)
VALUES
    ('22000000-0000-0000-0000-000000000001', 'SW-BKM-001', 'Baju Kurung Moden Satin', 'baju-kurung-moden-satin',
     'Baju kurung moden, satin lembut, potongan longgar',
     'Baju kurung moden in soft satin with a loose cut and a matching skirt. Dry clean or gentle hand wash.',
     159.00, 199.00, 72.00, true, true, 0.450, '20000000-0000-0000-0000-000000000001',
     'Baju Kurung Moden Satin | Seri Warisan'),
    ('22000000-0000-0000-0000-000000000002', 'SW-KBT-001', 'Kemeja Batik Lelaki Lengan Panjang',
     'kemeja-batik-lelaki-lengan-panjang',
     'Kemeja batik lukis tangan, kapas, lengan panjang',
     'Hand-drawn batik on breathable cotton, long sleeves, regular fit.',
     129.00, NULL, 55.00, false, true, 0.300, '20000000-0000-0000-0000-000000000001',
     'Kemeja Batik Lelaki | Seri Warisan'),
    ('22000000-0000-0000-0000-000000000003', 'SW-KBS-001', 'Kemeja Batik Sutera Premium',
     'kemeja-batik-sutera-premium',
     'Kemeja batik sutera Terengganu untuk majlis rasmi',
     'Terengganu silk batik shirt for formal occasions, lined collar, long sleeves.',
     289.00, 329.00, 140.00, true, true, 0.250, '20000000-0000-0000-0000-000000000001',
     'Kemeja Batik Sutera Premium | Seri Warisan'),
    ('22000000-0000-0000-0000-000000000004', 'KI-WC3-015', 'Kopi Ipoh White Coffee 3 in 1',
     'kopi-ipoh-white-coffee-3-in-1',
     'Kopi putih Ipoh segera, 15 paket x 40 g',
     'Instant Ipoh white coffee with creamer and sugar, 15 sachets of 40 g.',
     15.90, 17.50, 8.20, true, false, 0.650, '20000000-0000-0000-0000-000000000002',
     'Kopi Ipoh White Coffee 3 in 1 | Kopitiam Ipoh'),
    ('22000000-0000-0000-0000-000000000005', 'KI-BKP-001', 'Biji Kopi Ipoh Panggang', 'biji-kopi-ipoh-panggang',
     'Biji kopi Liberica dan Robusta dipanggang dengan marjerin',
     'Liberica and Robusta beans roasted with palm-oil margarine, for kopi putih at home.',
     24.00, NULL, 11.00, false, true, 0.250, '20000000-0000-0000-0000-000000000002',
     'Biji Kopi Ipoh Panggang | Kopitiam Ipoh'),
    ('22000000-0000-0000-0000-000000000006', 'DMT-KR-SET4', 'Set Kuih Raya Tradisional (4 Balang)',
     'set-kuih-raya-tradisional-4-balang',
     'Tart nenas, kuih bangkit, semperit dan biskut dahlia',
     'A gift box of four jars: pineapple tarts, kuih bangkit, semperit and biskut dahlia.',
     89.00, 109.00, 45.00, true, false, 1.800, '20000000-0000-0000-0000-000000000003',
     'Set Kuih Raya Tradisional | Dapur Mak Tok'),
    ('22000000-0000-0000-0000-000000000007', 'DMT-SIB-001', 'Sambal Ikan Bilis Pedas', 'sambal-ikan-bilis-pedas',
     'Sambal ikan bilis garing, sedia dimakan',
     'Crispy anchovy sambal, ready to eat with nasi lemak. Keeps 3 months unopened.',
     18.50, NULL, 7.50, false, true, 0.200, '20000000-0000-0000-0000-000000000003',
     'Sambal Ikan Bilis Pedas | Dapur Mak Tok'),
    ('22000000-0000-0000-0000-000000000008', 'DMT-RKD-250', 'Rempah Kari Daging', 'rempah-kari-daging',
     'Serbuk kari daging dan kambing, 250 g',
     'Meat curry powder for beef and mutton, 250 g pack.',
     6.90, NULL, 2.80, false, false, 0.250, '20000000-0000-0000-0000-000000000003',
     'Rempah Kari Daging | Dapur Mak Tok');

-- Variants without a price inherit the product's base_price.
INSERT INTO catalog.product_variants (id, product_id, sku, name, price, compare_price, cost_price, weight)
VALUES
    ('23000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000001', 'SW-BKM-001-S', 'Saiz S',
     NULL, NULL, NULL, 0.420),
    ('23000000-0000-0000-0000-000000000002', '22000000-0000-0000-0000-000000000001', 'SW-BKM-001-M', 'Saiz M',
     NULL, NULL, NULL, 0.450),
    ('23000000-0000-0000-0000-000000000003', '22000000-0000-0000-0000-000000000001', 'SW-BKM-001-L', 'Saiz L',
     NULL, NULL, NULL, 0.480),
    ('23000000-0000-0000-0000-000000000004', '22000000-0000-0000-0000-000000000001', 'SW-BKM-001-XL', 'Saiz XL',
     169.00, 209.00, 78.00, 0.510),
    ('23000000-0000-0000-0000-000000000005', '22000000-0000-0000-0000-000000000002', 'SW-KBT-001-M', 'Saiz M',
     NULL, NULL, NULL, 0.290),
    ('23000000-0000-0000-0000-000000000006', '22000000-0000-0000-0000-000000000002', 'SW-KBT-001-L', 'Saiz L',
     NULL, NULL, NULL, 0.300),
    ('23000000-0000-0000-0000-000000000007', '22000000-0000-0000-0000-000000000002', 'SW-KBT-001-XL', 'Saiz XL',
     NULL, NULL, NULL, 0.320),
    ('23000000-0000-0000-0000-000000000008', '22000000-0000-0000-0000-000000000003', 'SW-KBS-001-M', 'Saiz M',
     NULL, NULL, NULL, 0.240),
    ('23000000-0000-0000-0000-000000000009', '22000000-0000-0000-0000-000000000003', 'SW-KBS-001-L', 'Saiz L',
     NULL, NULL, NULL, 0.260),
    ('23000000-0000-0000-0000-000000000010', '22000000-0000-0000-0000-000000000005', 'KI-BKP-250G', '250 g',
     24.00, NULL, 11.00, 0.250),
    ('23000000-0000-0000-0000-000000000011', '22000000-0000-0000-0000-000000000005', 'KI-BKP-500G', '500 g',
     45.00, NULL, 20.50, 0.500),
    ('23000000-0000-0000-0000-000000000012', '22000000-0000-0000-0000-000000000005', 'KI-BKP-1KG', '1 kg',
     85.00, 95.00, 39.00, 1.000),
    ('23000000-0000-0000-0000-000000000013', '22000000-0000-0000-0000-000000000007', 'DMT-SIB-200G', '200 g',
     18.50, NULL, 7.50, 0.200),
    ('23000000-0000-0000-0000-000000000014', '22000000-0000-0000-0000-000000000007', 'DMT-SIB-400G', '400 g',
     32.00, 36.00, 14.00, 0.400);

INSERT INTO catalog.product_categories (product_id, category_id)
VALUES
    ('22000000-0000-0000-0000-000000000001', '21000000-0000-0000-0000-000000000003'),
    ('22000000-0000-0000-0000-000000000002', '21000000-0000-0000-0000-000000000004'),
    ('22000000-0000-0000-0000-000000000003', '21000000-0000-0000-0000-000000000004'),
    ('22000000-0000-0000-0000-000000000004', '21000000-0000-0000-0000-000000000005'),
    ('22000000-0000-0000-0000-000000000005', '21000000-0000-0000-0000-000000000005'),
    ('22000000-0000-0000-0000-000000000006', '21000000-0000-0000-0000-000000000007'),
    ('22000000-0000-0000-0000-000000000007', '21000000-0000-0000-0000-000000000006'),
    ('22000000-0000-0000-0000-000000000008', '21000000-0000-0000-0000-000000000006');

INSERT INTO catalog.product_images (id, product_id, url, alt_text, sort_order, is_primary)
VALUES
    ('24000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000001',
     'https://cdn.niaga.example.com/products/baju-kurung-moden-satin.jpg', 'Baju Kurung Moden Satin', 0, true),
    ('24000000-0000-0000-0000-000000000002', '22000000-0000-0000-0000-000000000002',
     'https://cdn.niaga.example.com/products/kemeja-batik-lelaki-lengan-panjang.jpg',
     'Kemeja Batik Lelaki Lengan Panjang', 0, true),
    ('24000000-0000-0000-0000-000000000003', '22000000-0000-0000-0000-000000000003',
     'https://cdn.niaga.example.com/products/kemeja-batik-sutera-premium.jpg', 'Kemeja Batik Sutera Premium', 0, true),
    ('24000000-0000-0000-0000-000000000004', '22000000-0000-0000-0000-000000000004',
     'https://cdn.niaga.example.com/products/kopi-ipoh-white-coffee-3-in-1.jpg', 'Kopi Ipoh White Coffee 3 in 1', 0,
     true),
    ('24000000-0000-0000-0000-000000000005', '22000000-0000-0000-0000-000000000005',
     'https://cdn.niaga.example.com/products/biji-kopi-ipoh-panggang.jpg', 'Biji Kopi Ipoh Panggang', 0, true),
    ('24000000-0000-0000-0000-000000000006', '22000000-0000-0000-0000-000000000006',
     'https://cdn.niaga.example.com/products/set-kuih-raya-tradisional-4-balang.jpg',
     'Set Kuih Raya Tradisional (4 Balang)', 0, true),
    ('24000000-0000-0000-0000-000000000007', '22000000-0000-0000-0000-000000000007',
     'https://cdn.niaga.example.com/products/sambal-ikan-bilis-pedas.jpg', 'Sambal Ikan Bilis Pedas', 0, true),
    ('24000000-0000-0000-0000-000000000008', '22000000-0000-0000-0000-000000000008',
     'https://cdn.niaga.example.com/products/rempah-kari-daging.jpg', 'Rempah Kari Daging', 0, true);

INSERT INTO catalog.attributes (id, name, code, type, is_filterable, sort_order)
VALUES
    ('25000000-0000-0000-0000-000000000001', 'Bahan', 'material', 'select', true, 1);

INSERT INTO catalog.attribute_values (id, attribute_id, value, sort_order)
VALUES
    ('26000000-0000-0000-0000-000000000001', '25000000-0000-0000-0000-000000000001', 'Satin', 1),
    ('26000000-0000-0000-0000-000000000002', '25000000-0000-0000-0000-000000000001', 'Kapas', 2),
    ('26000000-0000-0000-0000-000000000003', '25000000-0000-0000-0000-000000000001', 'Sutera', 3),
    ('26000000-0000-0000-0000-000000000004', '25000000-0000-0000-0000-000000000001', 'Linen', 4);

INSERT INTO catalog.product_attributes (product_id, attribute_id, attribute_value_id)
VALUES
    ('22000000-0000-0000-0000-000000000001', '25000000-0000-0000-0000-000000000001',
     '26000000-0000-0000-0000-000000000001'),
    ('22000000-0000-0000-0000-000000000002', '25000000-0000-0000-0000-000000000001',
     '26000000-0000-0000-0000-000000000002'),
    ('22000000-0000-0000-0000-000000000003', '25000000-0000-0000-0000-000000000001',
     '26000000-0000-0000-0000-000000000003');

INSERT INTO catalog.variant_options (id, name, sort_order)
VALUES
    ('27000000-0000-0000-0000-000000000001', 'Saiz', 1),
    ('27000000-0000-0000-0000-000000000002', 'Berat', 2);

INSERT INTO catalog.variant_option_values (id, option_id, value, sort_order)
VALUES
    ('28000000-0000-0000-0000-000000000001', '27000000-0000-0000-0000-000000000001', 'S', 1),
    ('28000000-0000-0000-0000-000000000002', '27000000-0000-0000-0000-000000000001', 'M', 2),
    ('28000000-0000-0000-0000-000000000003', '27000000-0000-0000-0000-000000000001', 'L', 3),
    ('28000000-0000-0000-0000-000000000004', '27000000-0000-0000-0000-000000000001', 'XL', 4),
    ('28000000-0000-0000-0000-000000000005', '27000000-0000-0000-0000-000000000002', '200 g', 1),
    ('28000000-0000-0000-0000-000000000006', '27000000-0000-0000-0000-000000000002', '250 g', 2),
    ('28000000-0000-0000-0000-000000000007', '27000000-0000-0000-0000-000000000002', '400 g', 3),
    ('28000000-0000-0000-0000-000000000008', '27000000-0000-0000-0000-000000000002', '500 g', 4),
    ('28000000-0000-0000-0000-000000000009', '27000000-0000-0000-0000-000000000002', '1 kg', 5);

INSERT INTO catalog.product_variant_options (variant_id, option_id, option_value_id)
VALUES
    ('23000000-0000-0000-0000-000000000001', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000001'),
    ('23000000-0000-0000-0000-000000000002', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000002'),
    ('23000000-0000-0000-0000-000000000003', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000003'),
    ('23000000-0000-0000-0000-000000000004', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000004'),
    ('23000000-0000-0000-0000-000000000005', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000002'),
    ('23000000-0000-0000-0000-000000000006', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000003'),
    ('23000000-0000-0000-0000-000000000007', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000004'),
    ('23000000-0000-0000-0000-000000000008', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000002'),
    ('23000000-0000-0000-0000-000000000009', '27000000-0000-0000-0000-000000000001',
     '28000000-0000-0000-0000-000000000003'),
    ('23000000-0000-0000-0000-000000000010', '27000000-0000-0000-0000-000000000002',
     '28000000-0000-0000-0000-000000000006'),
    ('23000000-0000-0000-0000-000000000011', '27000000-0000-0000-0000-000000000002',
     '28000000-0000-0000-0000-000000000008'),
    ('23000000-0000-0000-0000-000000000012', '27000000-0000-0000-0000-000000000002',
     '28000000-0000-0000-0000-000000000009'),
    ('23000000-0000-0000-0000-000000000013', '27000000-0000-0000-0000-000000000002',
     '28000000-0000-0000-0000-000000000005'),
    ('23000000-0000-0000-0000-000000000014', '27000000-0000-0000-0000-000000000002',
     '28000000-0000-0000-0000-000000000007');

INSERT INTO crm.wishlists (id, user_id, product_id)
VALUES
    ('13000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000005',
     '22000000-0000-0000-0000-000000000001'),
    ('13000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000005',
     '22000000-0000-0000-0000-000000000006'),
    ('13000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000006',
     '22000000-0000-0000-0000-000000000005'),
    ('13000000-0000-0000-0000-000000000004', '10000000-0000-0000-0000-000000000008',
     '22000000-0000-0000-0000-000000000003'),
    ('13000000-0000-0000-0000-000000000005', '10000000-0000-0000-0000-000000000010',
     '22000000-0000-0000-0000-000000000007');

-- ---------------------------------------------------------------------------
-- inventory: two warehouses and their opening stock. Products with variants
-- are stocked per variant; the others with variant_id NULL.
-- ---------------------------------------------------------------------------

INSERT INTO inventory.warehouses (id, code, name, type, address, city, state, postcode, phone, email,
                                  is_pickup_location, priority)
VALUES
    ('30000000-0000-0000-0000-000000000001', 'WH-SHAH-ALAM', 'Gudang Shah Alam', 'warehouse',
     'Lot 12, Jalan Utas 15/7, Seksyen 15', 'Shah Alam', 'Selangor', '40200', '+60355100001',
     'gudang.shahalam@niaga.example.com', true, 1),
    ('30000000-0000-0000-0000-000000000002', 'WH-PENANG', 'Gudang Bayan Lepas', 'warehouse',
     'Plot 88, Lintang Bayan Lepas 6, Taman Perindustrian Bayan Lepas Fasa 4', 'Bayan Lepas', 'Pulau Pinang',
     '11900', '+60464100002', 'gudang.penang@niaga.example.com', false, 2);

-- A few Penang rows sit at or under their reorder point, so that
-- inventory.low_stock has something to show.
-- Opening stock: the stock items are created empty, then the goods arrive
-- through inventory.receive_stock, which writes the ledger ('receive'
-- movements) exactly as a real delivery would.
CREATE TEMPORARY TABLE demo_stock (
    id uuid, warehouse_id uuid, product_id uuid, variant_id uuid, quantity integer, reserved_quantity integer,
    reorder_point integer, reorder_quantity integer, bin_location text
) ON COMMIT DROP;
INSERT INTO demo_stock
VALUES
    -- WH-SHAH-ALAM: everything
    ('31000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000001', 25, 0, 5, 20, 'A-01-01'),
    ('31000000-0000-0000-0000-000000000002', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000002', 40, 0, 8, 30, 'A-01-02'),
    ('31000000-0000-0000-0000-000000000003', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000003', 35, 0, 8, 30, 'A-01-03'),
    ('31000000-0000-0000-0000-000000000004', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000004', 15, 0, 5, 15, 'A-01-04'),
    ('31000000-0000-0000-0000-000000000005', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000002', '23000000-0000-0000-0000-000000000005', 30, 0, 6, 24, 'A-02-01'),
    ('31000000-0000-0000-0000-000000000006', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000002', '23000000-0000-0000-0000-000000000006', 30, 0, 6, 24, 'A-02-02'),
    ('31000000-0000-0000-0000-000000000007', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000002', '23000000-0000-0000-0000-000000000007', 20, 0, 4, 12, 'A-02-03'),
    ('31000000-0000-0000-0000-000000000008', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000003', '23000000-0000-0000-0000-000000000008', 12, 0, 3, 10, 'A-03-01'),
    ('31000000-0000-0000-0000-000000000009', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000003', '23000000-0000-0000-0000-000000000009', 10, 0, 3, 10, 'A-03-02'),
    ('31000000-0000-0000-0000-000000000010', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000004', NULL, 200, 0, 40, 150, 'B-01-01'),
    ('31000000-0000-0000-0000-000000000011', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000005', '23000000-0000-0000-0000-000000000010', 80, 0, 15, 60, 'B-02-01'),
    ('31000000-0000-0000-0000-000000000012', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000005', '23000000-0000-0000-0000-000000000011', 50, 0, 10, 40, 'B-02-02'),
    ('31000000-0000-0000-0000-000000000013', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000005', '23000000-0000-0000-0000-000000000012', 25, 0, 5, 20, 'B-02-03'),
    ('31000000-0000-0000-0000-000000000014', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000006', NULL, 60, 0, 10, 50, 'C-01-01'),
    ('31000000-0000-0000-0000-000000000015', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000007', '23000000-0000-0000-0000-000000000013', 120, 0, 20, 100, 'C-02-01'),
    ('31000000-0000-0000-0000-000000000016', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000007', '23000000-0000-0000-0000-000000000014', 60, 0, 12, 48, 'C-02-02'),
    ('31000000-0000-0000-0000-000000000017', '30000000-0000-0000-0000-000000000001',
     '22000000-0000-0000-0000-000000000008', NULL, 150, 0, 30, 120, 'C-03-01'),
    -- WH-PENANG: the best sellers of the north
    ('31000000-0000-0000-0000-000000000018', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000002', 12, 0, 4, 12, 'R1-01'),
    ('31000000-0000-0000-0000-000000000019', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000003', 10, 0, 4, 12, 'R1-02'),
    ('31000000-0000-0000-0000-000000000020', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000004', 3, 0, 4, 10, 'R1-03'),
    ('31000000-0000-0000-0000-000000000021', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000002', '23000000-0000-0000-0000-000000000006', 8, 0, 3, 10, 'R1-04'),
    ('31000000-0000-0000-0000-000000000022', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000004', NULL, 90, 0, 20, 80, 'R2-01'),
    ('31000000-0000-0000-0000-000000000023', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000005', '23000000-0000-0000-0000-000000000010', 40, 0, 10, 30, 'R2-02'),
    ('31000000-0000-0000-0000-000000000024', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000005', '23000000-0000-0000-0000-000000000011', 5, 0, 6, 20, 'R2-03'),
    ('31000000-0000-0000-0000-000000000025', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000006', NULL, 20, 0, 5, 20, 'R3-01'),
    ('31000000-0000-0000-0000-000000000026', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000007', '23000000-0000-0000-0000-000000000013', 50, 0, 10, 40, 'R3-02'),
    ('31000000-0000-0000-0000-000000000027', '30000000-0000-0000-0000-000000000002',
     '22000000-0000-0000-0000-000000000008', NULL, 60, 0, 15, 50, 'R3-03');

INSERT INTO inventory.stock_items (id, warehouse_id, product_id, variant_id, reorder_point, reorder_quantity,
                                   bin_location)
SELECT id, warehouse_id, product_id, variant_id, reorder_point, reorder_quantity, bin_location
FROM demo_stock;

-- Received by the warehouse staff user.
SET LOCAL niaga.actor_id = '10000000-0000-0000-0000-000000000004';
DO $$
BEGIN
    PERFORM inventory.receive_stock(d.warehouse_id, d.product_id, d.variant_id, d.quantity, 'opening stock')
    FROM demo_stock AS d
    ORDER BY d.id;
END
$$;
RESET niaga.actor_id;

-- ---------------------------------------------------------------------------
-- sales: tax, shipping and coupons. No orders, carts or payments.
-- ---------------------------------------------------------------------------

INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default, is_active)
VALUES
    ('50000000-0000-0000-0000-000000000001', 'SST', 'Cukai Jualan dan Perkhidmatan (SST) 6%', 6.00, false, true,
     true);

INSERT INTO sales.shipping_methods (id, code, name, description, provider, base_cost, free_shipping_threshold,
                                    estimated_days_min, estimated_days_max, sort_order)
VALUES
    ('51000000-0000-0000-0000-000000000001', 'standard', 'Penghantaran Biasa',
     'Pos Laju to any address in Malaysia; free for orders of RM 150 and above', 'Pos Laju', 8.00, 150.00, 2, 5,
     1),
    ('51000000-0000-0000-0000-000000000002', 'express', 'Penghantaran Ekspres',
     'J&T Express next-day delivery in Peninsular Malaysia', 'J&T Express', 15.00, NULL, 1, 2, 2),
    ('51000000-0000-0000-0000-000000000003', 'pickup', 'Ambil Sendiri (Shah Alam)',
     'Collect from Gudang Shah Alam, Lot 12, Jalan Utas 15/7, Mon-Sat 9 am - 6 pm', NULL, 0.00, NULL, 0, 1, 3);

INSERT INTO sales.coupons (id, code, description, type, value, min_order_amount, max_discount, usage_limit,
                           per_customer_limit, starts_at, expires_at, is_active)
VALUES
    ('52000000-0000-0000-0000-000000000001', 'RAYA10', 'Diskaun Hari Raya 10%, maksimum RM 30, belian minimum RM 50',
     'percentage', 10.00, 50.00, 30.00, 100, NULL, NULL, NULL, true),
    ('52000000-0000-0000-0000-000000000002', 'NEWUSER', 'RM 5 off the first order of a new customer',
     'fixed', 5.00, NULL, NULL, NULL, 1, NULL, NULL, true),
    ('52000000-0000-0000-0000-000000000003', 'MERDEKA2026', 'Promosi Hari Merdeka 2026: 8% off (ended)',
     'percentage', 8.00, 80.00, 20.00, 200, 1, '2026-08-25 00:00:00+08', '2026-09-01 00:00:00+08', true);

-- ---------------------------------------------------------------------------
-- agent: a two-level agent network, a level-1 override and this month's
-- targets (the month of the business time zone, niaga.timezone).
-- ---------------------------------------------------------------------------

INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, tier, commission_rate)
VALUES
    ('60000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000002', 'AG-KL-001', NULL, 'gold',
     10.00);

INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, tier, commission_rate)
VALUES
    ('60000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000003', 'AG-KL-002',
     '60000000-0000-0000-0000-000000000001', 'silver', 7.50);

INSERT INTO agent.override_rates (level, rate)
VALUES
    (1, 2.00);

INSERT INTO agent.targets (id, agent_id, period_start, period_end, target_amount, target_orders)
SELECT t.id,
       t.agent_id,
       month.start,
       (month.start + interval '1 month - 1 day')::date,
       t.target_amount,
       t.target_orders
FROM (VALUES ('61000000-0000-0000-0000-000000000001'::uuid, '60000000-0000-0000-0000-000000000001'::uuid,
              20000.00, 40),
             ('61000000-0000-0000-0000-000000000002'::uuid, '60000000-0000-0000-0000-000000000002'::uuid,
              8000.00, 20)) AS t (id, agent_id, target_amount, target_orders)
CROSS JOIN (SELECT date_trunc('month',
                              now() AT TIME ZONE coalesce(nullif(current_setting('niaga.timezone', true), ''),
                                                          'Asia/Kuala_Lumpur'))::date AS start) AS month;

COMMIT;
