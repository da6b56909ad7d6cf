<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="danger_close" tilewidth="32" tileheight="32" tilecount="40" columns="8">
 <image source="tileset.png" width="256" height="160"/>
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
</tileset>
