-- Hierarchies stay acyclic (SPEC §1, §9, §12): catalog.categories.parent_id
-- and agent.agents.parent_agent_id. Any move that would make a row its own
-- ancestor raises NG030 and changes nothing; legal moves go through.
\set VERBOSITY terse

-- Moves a category (by slug) under another (by slug, NULL = to the top) and
-- says what happened: 'moved' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.move_category(node text, new_parent text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog.categories
       SET parent_id = (SELECT id FROM catalog.categories WHERE slug = new_parent)
     WHERE slug = node;
    RETURN 'moved';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- Runs a statement and says what happened: 'ok' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- The test's category tree, one line per category, as root > ... > node.
CREATE FUNCTION pg_temp.category_tree() RETURNS TABLE (path text)
LANGUAGE sql AS $$
    WITH RECURSIVE tree AS (
        SELECT id, slug::text AS path FROM catalog.categories WHERE parent_id IS NULL AND slug LIKE 'h-%'
        UNION ALL
        SELECT c.id, tree.path || ' > ' || c.slug FROM catalog.categories c JOIN tree ON c.parent_id = tree.id
    )
    SELECT path FROM tree ORDER BY path
$$;

-- A 4-level tree plus a sibling branch and a second root:
--   h-root > h-child > h-grandchild > h-great, h-root > h-sibling, h-other
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('ca000000-0000-0000-0000-000000000001', NULL, 'H Root', 'h-root'),
    ('ca000000-0000-0000-0000-000000000002', 'ca000000-0000-0000-0000-000000000001', 'H Child', 'h-child'),
    ('ca000000-0000-0000-0000-000000000003', 'ca000000-0000-0000-0000-000000000002', 'H Grandchild', 'h-grandchild'),
    ('ca000000-0000-0000-0000-000000000004', 'ca000000-0000-0000-0000-000000000003', 'H Great', 'h-great'),
    ('ca000000-0000-0000-0000-000000000005', 'ca000000-0000-0000-0000-000000000001', 'H Sibling', 'h-sibling'),
    ('ca000000-0000-0000-0000-000000000006', NULL, 'H Other', 'h-other');
SELECT id, slug FROM catalog.categories WHERE slug LIKE 'h-%' ORDER BY id;
SELECT * FROM pg_temp.category_tree();

-- Legal moves: a subtree under a sibling, back again, a node to the top,
-- a whole tree under another root, and back.
SELECT pg_temp.move_category('h-grandchild', 'h-sibling');
SELECT * FROM pg_temp.category_tree();
SELECT pg_temp.move_category('h-grandchild', 'h-child');
SELECT pg_temp.move_category('h-sibling', NULL);
SELECT pg_temp.move_category('h-root', 'h-other');
SELECT * FROM pg_temp.category_tree();
SELECT pg_temp.move_category('h-root', NULL);
SELECT pg_temp.move_category('h-sibling', 'h-root');
-- Setting the parent it already has is no move at all.
SELECT pg_temp.move_category('h-great', 'h-grandchild');
SELECT * FROM pg_temp.category_tree();

-- Illegal moves: under itself, its child, its grandchild, its
-- great-grandchild, and a middle node under its own descendant.
CREATE TEMP TABLE tree_before AS SELECT id, parent_id FROM catalog.categories WHERE slug LIKE 'h-%';
SELECT pg_temp.move_category('h-root', 'h-root');
SELECT pg_temp.move_category('h-root', 'h-child');
SELECT pg_temp.move_category('h-root', 'h-grandchild');
SELECT pg_temp.move_category('h-root', 'h-great');
SELECT pg_temp.move_category('h-child', 'h-great');
SELECT pg_temp.move_category('h-grandchild', 'h-great');
-- Two rows moved in one statement, h-other under h-sibling and h-sibling
-- under h-other: each move alone is legal, together they form a cycle. (Only
-- the SQLSTATE is shown: which row reports it depends on the scan order.)
SELECT split_part(pg_temp.error_of($$
    UPDATE catalog.categories
       SET parent_id = CASE slug WHEN 'h-other' THEN 'ca000000-0000-0000-0000-000000000005'::uuid
                                 ELSE 'ca000000-0000-0000-0000-000000000006'::uuid END
     WHERE slug IN ('h-other', 'h-sibling')
$$), ':', 1) AS sqlstate;
-- New rows that point at each other in one INSERT.
SELECT pg_temp.error_of($$
    INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
        ('ca000000-0000-0000-0000-000000000007', 'ca000000-0000-0000-0000-000000000008', 'H New A', 'h-new-a'),
        ('ca000000-0000-0000-0000-000000000008', 'ca000000-0000-0000-0000-000000000007', 'H New B', 'h-new-b')
$$);
-- A parent that does not exist is the foreign key's business (23503).
SELECT pg_temp.error_of($$
    UPDATE catalog.categories SET parent_id = 'ca000000-0000-0000-0000-0000000000ff' WHERE slug = 'h-great'
$$);
-- Nothing changed: no row differs from before the attempts, no row was added.
SELECT count(*) AS changed_rows
  FROM tree_before b FULL JOIN (SELECT id, parent_id FROM catalog.categories WHERE slug LIKE 'h-%') c USING (id)
 WHERE b.id IS NULL OR c.id IS NULL OR b.parent_id IS DISTINCT FROM c.parent_id;
SELECT * FROM pg_temp.category_tree();

-- Adding a leaf below the deepest node is fine.
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('ca000000-0000-0000-0000-000000000009', 'ca000000-0000-0000-0000-000000000004', 'H Leaf', 'h-leaf');
SELECT * FROM pg_temp.category_tree() WHERE path LIKE '%h-leaf';

-- The same for agents. Every agent is a user.
INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('a8000000-0000-0000-0000-000000000001', 'h-agent-1@example.test', 'x', 'agent'),
    ('a8000000-0000-0000-0000-000000000002', 'h-agent-2@example.test', 'x', 'agent'),
    ('a8000000-0000-0000-0000-000000000003', 'h-agent-3@example.test', 'x', 'agent'),
    ('a8000000-0000-0000-0000-000000000004', 'h-agent-4@example.test', 'x', 'agent'),
    ('a8000000-0000-0000-0000-000000000005', 'h-agent-5@example.test', 'x', 'agent');
-- HA1 > HA2 > HA3 > HA4, and HA5 on its own.
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id) VALUES
    ('a9000000-0000-0000-0000-000000000001', 'a8000000-0000-0000-0000-000000000001', 'HA1', NULL),
    ('a9000000-0000-0000-0000-000000000002', 'a8000000-0000-0000-0000-000000000002', 'HA2', 'a9000000-0000-0000-0000-000000000001'),
    ('a9000000-0000-0000-0000-000000000003', 'a8000000-0000-0000-0000-000000000003', 'HA3', 'a9000000-0000-0000-0000-000000000002'),
    ('a9000000-0000-0000-0000-000000000004', 'a8000000-0000-0000-0000-000000000004', 'HA4', 'a9000000-0000-0000-0000-000000000003'),
    ('a9000000-0000-0000-0000-000000000005', 'a8000000-0000-0000-0000-000000000005', 'HA5', NULL);

CREATE FUNCTION pg_temp.move_agent(node text, new_parent text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agent.agents
       SET parent_agent_id = (SELECT id FROM agent.agents WHERE agent_code = new_parent)
     WHERE agent_code = node;
    RETURN 'moved';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

CREATE FUNCTION pg_temp.agent_tree() RETURNS TABLE (path text)
LANGUAGE sql AS $$
    WITH RECURSIVE tree AS (
        SELECT id, agent_code::text AS path FROM agent.agents WHERE parent_agent_id IS NULL AND agent_code LIKE 'HA%'
        UNION ALL
        SELECT a.id, tree.path || ' > ' || a.agent_code FROM agent.agents a JOIN tree ON a.parent_agent_id = tree.id
    )
    SELECT path FROM tree ORDER BY path
$$;
SELECT * FROM pg_temp.agent_tree();

-- Legal: HA3 (with HA4) under HA5, and back; HA1 under HA5, and back.
SELECT pg_temp.move_agent('HA3', 'HA5');
SELECT * FROM pg_temp.agent_tree();
SELECT pg_temp.move_agent('HA3', 'HA2');
SELECT pg_temp.move_agent('HA1', 'HA5');
SELECT pg_temp.move_agent('HA1', NULL);

-- Illegal: under itself, its child, grandchild, great-grandchild.
CREATE TEMP TABLE agents_before AS SELECT id, parent_agent_id FROM agent.agents WHERE agent_code LIKE 'HA%';
SELECT pg_temp.move_agent('HA1', 'HA1');
SELECT pg_temp.move_agent('HA1', 'HA2');
SELECT pg_temp.move_agent('HA1', 'HA3');
SELECT pg_temp.move_agent('HA1', 'HA4');
SELECT pg_temp.move_agent('HA2', 'HA4');
SELECT count(*) AS changed_rows
  FROM agents_before b JOIN agent.agents a USING (id)
 WHERE b.parent_agent_id IS DISTINCT FROM a.parent_agent_id;
SELECT * FROM pg_temp.agent_tree();

-- Clean up.
DELETE FROM agent.agents WHERE agent_code LIKE 'HA%';
DELETE FROM auth.users WHERE email LIKE 'h-agent-%@example.test';
DELETE FROM catalog.categories WHERE slug LIKE 'h-%';
