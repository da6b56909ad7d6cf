<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="danger_close" tilewidth="32" tileheight="32" tilecount="97" columns="8">
 <image source="tileset.png" width="256" height="416"/>
 <tile id="0">
  <properties>
   <property name="name" value="floor"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="floor_cracked"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="dirt"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="sand"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="tiles"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="scrub"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="road"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="road_line"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="grain_floor"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="planks_floor"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="rubble"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="extraction_pad"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="extraction_chevron"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="rafters"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="2"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="ladder"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="1"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="door"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="true"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="sandbags"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="low_wall"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="grain_sacks"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="debris_pile"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="barrels"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="crate_stack"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="window"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="rafter_rail"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="2"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="stone_wall"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="stone_wall_cracked"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="stone_wall_moss"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="stone_pillar"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="brick_wall_destructible"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="wood_wall"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="locked_door"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="true"/>
   <property name="locked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="wood_pillar"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="beam_overhead"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
   <property name="above" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="roof_edge_n"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
   <property name="above" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="roof_edge_s"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
   <property name="above" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="shadow"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
   <property name="above" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="well"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="dead_tree"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="wreck"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="tarp"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="wall_w"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="wall_s"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="wall_sw"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="wall_e"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="wall_ew"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="wall_es"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="wall_esw"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="wall_n"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="wall_nw"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="wall_ns"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="wall_nsw"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="wall_ne"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="wall_new"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="name" value="wall_nes"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="name" value="wall_nesw"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="name" value="road_sand_0001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="name" value="road_sand_0010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="name" value="road_sand_0011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="name" value="road_sand_0100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="name" value="road_sand_0101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="60">
  <properties>
   <property name="name" value="road_sand_0110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="name" value="road_sand_0111"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="name" value="road_sand_1000"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="name" value="road_sand_1001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="64">
  <properties>
   <property name="name" value="road_sand_1010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="65">
  <properties>
   <property name="name" value="road_sand_1011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="66">
  <properties>
   <property name="name" value="road_sand_1100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="67">
  <properties>
   <property name="name" value="road_sand_1101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="68">
  <properties>
   <property name="name" value="road_sand_1110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="69">
  <properties>
   <property name="name" value="rubble_sand_0001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="70">
  <properties>
   <property name="name" value="rubble_sand_0010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="71">
  <properties>
   <property name="name" value="rubble_sand_0011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="72">
  <properties>
   <property name="name" value="rubble_sand_0100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="73">
  <properties>
   <property name="name" value="rubble_sand_0101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="74">
  <properties>
   <property name="name" value="rubble_sand_0110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="75">
  <properties>
   <property name="name" value="rubble_sand_0111"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="76">
  <properties>
   <property name="name" value="rubble_sand_1000"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="77">
  <properties>
   <property name="name" value="rubble_sand_1001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="78">
  <properties>
   <property name="name" value="rubble_sand_1010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="79">
  <properties>
   <property name="name" value="rubble_sand_1011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="80">
  <properties>
   <property name="name" value="rubble_sand_1100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="81">
  <properties>
   <property name="name" value="rubble_sand_1101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="82">
  <properties>
   <property name="name" value="rubble_sand_1110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="83">
  <properties>
   <property name="name" value="floor_sand_0001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="84">
  <properties>
   <property name="name" value="floor_sand_0010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="85">
  <properties>
   <property name="name" value="floor_sand_0011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="86">
  <properties>
   <property name="name" value="floor_sand_0100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="87">
  <properties>
   <property name="name" value="floor_sand_0101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="88">
  <properties>
   <property name="name" value="floor_sand_0110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="89">
  <properties>
   <property name="name" value="floor_sand_0111"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="90">
  <properties>
   <property name="name" value="floor_sand_1000"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="91">
  <properties>
   <property name="name" value="floor_sand_1001"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="92">
  <properties>
   <property name="name" value="floor_sand_1010"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="93">
  <properties>
   <property name="name" value="floor_sand_1011"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="94">
  <properties>
   <property name="name" value="floor_sand_1100"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="95">
  <properties>
   <property name="name" value="floor_sand_1101"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="96">
  <properties>
   <property name="name" value="floor_sand_1110"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="Walls" type="edge" tile="54">
   <wangcolor name="Stone wall" color="#8a7660" tile="54" probability="1"/>
   <wangcolor name="Floor" color="#c8c0b0" tile="0" probability="1"/>
   <wangtile tileid="0" wangid="2,0,2,0,2,0,2,0"/>
   <wangtile tileid="40" wangid="2,0,2,0,2,0,1,0"/>
   <wangtile tileid="41" wangid="2,0,2,0,1,0,2,0"/>
   <wangtile tileid="42" wangid="2,0,2,0,1,0,1,0"/>
   <wangtile tileid="43" wangid="2,0,1,0,2,0,2,0"/>
   <wangtile tileid="44" wangid="2,0,1,0,2,0,1,0"/>
   <wangtile tileid="45" wangid="2,0,1,0,1,0,2,0"/>
   <wangtile tileid="46" wangid="2,0,1,0,1,0,1,0"/>
   <wangtile tileid="47" wangid="1,0,2,0,2,0,2,0"/>
   <wangtile tileid="48" wangid="1,0,2,0,2,0,1,0"/>
   <wangtile tileid="49" wangid="1,0,2,0,1,0,2,0"/>
   <wangtile tileid="50" wangid="1,0,2,0,1,0,1,0"/>
   <wangtile tileid="51" wangid="1,0,1,0,2,0,2,0"/>
   <wangtile tileid="52" wangid="1,0,1,0,2,0,1,0"/>
   <wangtile tileid="53" wangid="1,0,1,0,1,0,2,0"/>
   <wangtile tileid="54" wangid="1,0,1,0,1,0,1,0"/>
  </wangset>
  <wangset name="Ground" type="corner" tile="3">
   <wangcolor name="Sand" color="#c4a876" tile="3" probability="1"/>
   <wangcolor name="Road" color="#56524e" tile="6" probability="1"/>
   <wangcolor name="Rubble" color="#8a6a50" tile="10" probability="1"/>
   <wangcolor name="Floor" color="#948e82" tile="0" probability="1"/>
   <wangtile tileid="0" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="3" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="6" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="10" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="55" wangid="0,1,0,1,0,2,0,1"/>
   <wangtile tileid="56" wangid="0,1,0,2,0,1,0,1"/>
   <wangtile tileid="57" wangid="0,1,0,2,0,2,0,1"/>
   <wangtile tileid="58" wangid="0,2,0,1,0,1,0,1"/>
   <wangtile tileid="59" wangid="0,2,0,1,0,2,0,1"/>
   <wangtile tileid="60" wangid="0,2,0,2,0,1,0,1"/>
   <wangtile tileid="61" wangid="0,2,0,2,0,2,0,1"/>
   <wangtile tileid="62" wangid="0,1,0,1,0,1,0,2"/>
   <wangtile tileid="63" wangid="0,1,0,1,0,2,0,2"/>
   <wangtile tileid="64" wangid="0,1,0,2,0,1,0,2"/>
   <wangtile tileid="65" wangid="0,1,0,2,0,2,0,2"/>
   <wangtile tileid="66" wangid="0,2,0,1,0,1,0,2"/>
   <wangtile tileid="67" wangid="0,2,0,1,0,2,0,2"/>
   <wangtile tileid="68" wangid="0,2,0,2,0,1,0,2"/>
   <wangtile tileid="69" wangid="0,1,0,1,0,3,0,1"/>
   <wangtile tileid="70" wangid="0,1,0,3,0,1,0,1"/>
   <wangtile tileid="71" wangid="0,1,0,3,0,3,0,1"/>
   <wangtile tileid="72" wangid="0,3,0,1,0,1,0,1"/>
   <wangtile tileid="73" wangid="0,3,0,1,0,3,0,1"/>
   <wangtile tileid="74" wangid="0,3,0,3,0,1,0,1"/>
   <wangtile tileid="75" wangid="0,3,0,3,0,3,0,1"/>
   <wangtile tileid="76" wangid="0,1,0,1,0,1,0,3"/>
   <wangtile tileid="77" wangid="0,1,0,1,0,3,0,3"/>
   <wangtile tileid="78" wangid="0,1,0,3,0,1,0,3"/>
   <wangtile tileid="79" wangid="0,1,0,3,0,3,0,3"/>
   <wangtile tileid="80" wangid="0,3,0,1,0,1,0,3"/>
   <wangtile tileid="81" wangid="0,3,0,1,0,3,0,3"/>
   <wangtile tileid="82" wangid="0,3,0,3,0,1,0,3"/>
   <wangtile tileid="83" wangid="0,1,0,1,0,4,0,1"/>
   <wangtile tileid="84" wangid="0,1,0,4,0,1,0,1"/>
   <wangtile tileid="85" wangid="0,1,0,4,0,4,0,1"/>
   <wangtile tileid="86" wangid="0,4,0,1,0,1,0,1"/>
   <wangtile tileid="87" wangid="0,4,0,1,0,4,0,1"/>
   <wangtile tileid="88" wangid="0,4,0,4,0,1,0,1"/>
   <wangtile tileid="89" wangid="0,4,0,4,0,4,0,1"/>
   <wangtile tileid="90" wangid="0,1,0,1,0,1,0,4"/>
   <wangtile tileid="91" wangid="0,1,0,1,0,4,0,4"/>
   <wangtile tileid="92" wangid="0,1,0,4,0,1,0,4"/>
   <wangtile tileid="93" wangid="0,1,0,4,0,4,0,4"/>
   <wangtile tileid="94" wangid="0,4,0,1,0,1,0,4"/>
   <wangtile tileid="95" wangid="0,4,0,1,0,4,0,4"/>
   <wangtile tileid="96" wangid="0,4,0,4,0,1,0,4"/>
  </wangset>
 </wangsets>
</tileset>
